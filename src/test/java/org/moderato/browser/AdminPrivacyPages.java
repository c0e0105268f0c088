package org.moderato.browser;

import java.util.List;
import java.util.Optional;
import org.moderato.testing.ModeratoServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The admin's privacy pages: requests ({@code /admin/privacy/}), reveal one address, and the privacy log. Admins only. */
public final class AdminPrivacyPages {

    private AdminPrivacyPages() {}

    /** {@code /admin/privacy/}: privacy requests and links to the other privacy pages. */
    public static final class Requests extends Page {

        private Requests(WebDriver driver) {
            super(driver);
            requirePage("/admin/privacy/", By.cssSelector("form#privacyform"));
        }

        /** From the admin start page, following its "Privacy" link, as an admin would. */
        public static Requests fromAdminIndex(WebDriver driver, ModeratoServer server) {
            driver.get(server.url("/admin/"));
            return new AdminIndex(driver).openPrivacy();
        }

        public Reveal openReveal() {
            clickAndAwaitNewPage(visible(By.id("privacy-reveal-link")));
            return new Reveal(driver);
        }
    }

    /** {@code /admin/}: the list of admin pages. */
    private static final class AdminIndex extends Page {

        AdminIndex(WebDriver driver) {
            super(driver);
            requirePage("/admin/", By.id("admin-pages"));
        }

        Requests openPrivacy() {
            clickAndAwaitNewPage(visible(By.id("admin-privacy")));
            return new Requests(driver);
        }
    }

    /** {@code /admin/privacy/reveal}: find a comment by number, see its masked address, reveal it on purpose. */
    public static final class Reveal extends Page {

        private Reveal(WebDriver driver) {
            super(driver);
            requirePage("/admin/privacy/reveal", By.cssSelector("form#findform"));
        }

        public Reveal find(long commentId) {
            WebElement field = visible(By.id("comment"));
            field.clear();
            field.sendKeys(Long.toString(commentId));
            clickAndAwaitNewPage(visible(By.id("find")));
            return new Reveal(driver);
        }

        public String maskedAddress() {
            return visible(By.id("masked-address")).getText().strip();
        }

        public String author() {
            return visible(By.id("reveal-author")).getText().strip();
        }

        public Reveal reveal() {
            WebElement button = visible(By.id("reveal"));
            if (!"Reveal address".equals(button.getDomAttribute("value"))) {
                throw new AssertionError("the button reads '" + button.getDomAttribute("value") + "'");
            }
            clickAndAwaitNewPage(button);
            return new Reveal(driver);
        }

        public Optional<String> revealedAddress() {
            return optional(By.id("revealed-address")).map(e -> e.getText().strip());
        }

        public List<String> errors() {
            return driver.findElements(By.cssSelector("#reveal-messages li")).stream().map(e -> e.getText().strip()).toList();
        }

        public Log openLog() {
            clickAndAwaitNewPage(visible(By.linkText("privacy log")));
            return new Log(driver);
        }
    }

    /** {@code /admin/privacy/log}: newest first. */
    public static final class Log extends Page {

        /** One row: when, who, what, which comment ("comment 1050" or empty), detail. */
        public record Entry(String actor, String action, String comment, String detail) {}

        private Log(WebDriver driver) {
            super(driver);
            requirePage("/admin/privacy/log", By.id("privacy-log"));
        }

        public List<Entry> entries() {
            return driver.findElements(By.cssSelector("#privacy-log tr")).stream()
                    .map(row -> new Entry(cell(row, "actor"), cell(row, "action"), cell(row, "comment"), cell(row, "detail")))
                    .toList();
        }

        private static String cell(WebElement row, String css) {
            return row.findElement(By.cssSelector("td." + css)).getText().strip();
        }
    }
}
