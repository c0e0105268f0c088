package org.moderato.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The page a link in a message opens ({@code /mail/confirm}, {@code /mail/unsubscribe}): a sentence and its button, then what was done. */
public final class MailLinkPage extends Page {

    private final String path;

    private MailLinkPage(WebDriver driver, String path, By marker) {
        super(driver);
        this.path = path;
        requirePage(path, marker);
    }

    /** Opens the link as a reader does from their mail program; the page only asks, it changes nothing. */
    public static MailLinkPage open(WebDriver driver, String url) {
        driver.get(url);
        String path = pathOf(url);
        return new MailLinkPage(driver, path, By.cssSelector("main form button"));
    }

    /** Presses the button with this id ("confirm", "unsubscribe-thread", "unsubscribe-all"); returns the page saying what was done. */
    public MailLinkPage press(String buttonId) {
        clickAndAwaitNewPage(visible(By.id(buttonId)));
        return new MailLinkPage(driver, path, By.id("mail-link-done"));
    }

    public String done() {
        return visible(By.id("mail-link-done")).getText();
    }
}
