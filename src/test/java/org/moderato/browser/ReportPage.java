package org.moderato.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** {@code /report?comment=N}: the report form, and after sending, the thanks. */
public final class ReportPage extends Page {

    private final long commentId;

    ReportPage(WebDriver driver, long commentId) {
        super(driver);
        this.commentId = commentId;
        requirePage("/report", By.id("report-title"));
    }

    public String reportedText() {
        return visible(By.cssSelector("#reported-comment blockquote")).getText();
    }

    public ReportPage choose(String reasonKey) {
        visible(By.id("reason-" + reasonKey)).click();
        return this;
    }

    public ReportPage note(String text) {
        visible(By.id("note")).sendKeys(text);
        return this;
    }

    public ReportPage notice(String law, String explanation) {
        visible(By.id("law")).sendKeys(law);
        visible(By.id("explanation")).sendKeys(explanation);
        return this;
    }

    /** Sends the form and returns the page it leads to: the thanks, or the form again with messages. */
    public ReportPage send() {
        clickAndAwaitNewPage(visible(By.id("report-submit")));
        return new ReportPage(driver, commentId);
    }

    public String thanks() {
        return optional(By.id("report-sent")).map(e -> e.getText()).orElse("");
    }

    public String formError() {
        return optional(By.id("form-errors")).map(e -> e.getText()).orElse("");
    }

    public String fieldError(String field) {
        return optional(By.id(field + "-error")).map(e -> e.getText()).orElse("");
    }

    public String noteValue() {
        return visible(By.id("note")).getAttribute("value");
    }
}
