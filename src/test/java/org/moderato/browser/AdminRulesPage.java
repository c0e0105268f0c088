package org.moderato.browser;

import java.util.List;
import org.moderato.testing.ModeratoServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@code /admin/rules}: the site's comment rules, the dry run and the change log. Admins only. */
public final class AdminRulesPage extends Page {

    private static final By FORM = By.cssSelector("form#rulesform");

    private AdminRulesPage(WebDriver driver) {
        super(driver);
        requirePage("/admin/rules", FORM);
        visible(By.id("save"));
    }

    /** Opens the page; the browser must already be logged in as an admin. */
    public static AdminRulesPage open(WebDriver driver, ModeratoServer server) {
        driver.get(server.url("/admin/rules"));
        return new AdminRulesPage(driver);
    }

    public AdminRulesPage setText(String fieldId, String value) {
        WebElement field = driver.findElement(By.id(fieldId));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    public String text(String fieldId) {
        return driver.findElement(By.id(fieldId)).getDomProperty("value");
    }

    public AdminRulesPage save() {
        clickAndAwaitNewPage(driver.findElement(By.id("save")));
        return new AdminRulesPage(driver);
    }

    public AdminRulesPage dryRun() {
        clickAndAwaitNewPage(driver.findElement(By.id("dry-run")));
        return new AdminRulesPage(driver);
    }

    /** Global messages above the form ("Settings saved. ...", "Dry run: nothing was saved."). */
    public List<String> messages() {
        return texts(By.cssSelector("#rules-messages li"));
    }

    /** Lines such as "1 approved would be spam". */
    public List<String> dryRunSummary() {
        return texts(By.cssSelector("#dry-run-summary li"));
    }

    /** The comments the dry run lists as moving. */
    public List<Long> dryRunCommentIds() {
        return driver.findElements(By.cssSelector("#dry-run-affected li")).stream()
                .map(li -> Long.parseLong(li.getDomAttribute("id").substring("dry-run-".length())))
                .toList();
    }

    /** Rows of the change log, newest first, as "who | what". */
    public List<String> changeLog() {
        return driver.findElements(By.cssSelector("#rule-change-log tr")).stream()
                .map(tr -> {
                    List<WebElement> cells = tr.findElements(By.tagName("td"));
                    return cells.get(1).getText() + " | " + cells.get(2).getText();
                })
                .toList();
    }

    private List<String> texts(By locator) {
        return driver.findElements(locator).stream().map(e -> e.getText().strip()).toList();
    }
}
