package org.moderato.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A page on another site with Moderato's thread embedded by {@code embed.js}: WordPress's ids, drawn by the script. */
public final class EmbeddedThreadPage extends Page {

    private static final By THREAD = By.id("moderato-thread");
    private static final By COMMENTS = By.cssSelector("#moderato-thread ol.comment-list li[id^='comment-']");

    private EmbeddedThreadPage(WebDriver driver) {
        super(driver);
        requirePage("/post.html", THREAD);
    }

    /** Opens the host page and waits until the script has drawn the thread (or said it cannot). */
    public static EmbeddedThreadPage open(WebDriver driver, String url) {
        driver.get(url);
        EmbeddedThreadPage page = new EmbeddedThreadPage(driver);
        page.wait.until(d -> !d.findElements(By.id("comments-title")).isEmpty()
                || !d.findElements(By.cssSelector("#moderato-thread .no-comments")).isEmpty());
        return page;
    }

    public long replies() {
        return parseReplies(visible(By.id("comments-title")).getText());
    }

    public boolean hasForm() {
        return optional(By.cssSelector("#moderato-thread #respond form#commentform")).isPresent();
    }

    /** What the widget shows instead of a thread, or "" when it shows one. */
    public String notice() {
        return optional(By.cssSelector("#moderato-thread > .no-comments")).map(WebElement::getText).orElse("");
    }

    public String threadText() {
        return driver.findElement(THREAD).getText();
    }

    /** Fills the form and posts; returns the id of the comment the widget then shows as its author's preview. */
    public long post(String author, String email, String text) {
        fill("comment", text);
        fill("author", author);
        fill("email", email);
        driver.findElement(By.id("submit")).click();
        visible(By.id("moderation-notice"));
        WebElement own = visible(By.cssSelector("#moderato-thread li.comment-pending"));
        return Long.parseLong(own.getAttribute("id").substring("comment-".length()));
    }

    /** Posts what the server refuses; returns the message shown beside {@code field}. */
    public String postRefused(String field, String text) {
        fill("comment", text);
        driver.findElement(By.id("submit")).click();
        return wait.until(d -> {
            String message = d.findElement(By.id(field + "-error")).getText();
            return message.isEmpty() ? null : message;
        });
    }

    public String focusedId() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    public boolean showsPending(long id, String text) {
        return optional(By.cssSelector("#comment-" + id + ".comment-pending .comment-awaiting-moderation")).isPresent()
                && driver.findElement(By.id("comment-" + id)).getText().contains(text);
    }

    public List<String> commentTexts() {
        return driver.findElements(COMMENTS).stream().map(li -> li.findElement(By.cssSelector(".comment-content")).getText()).toList();
    }

    private void fill(String id, String value) {
        WebElement field = visible(By.id(id));
        field.clear();
        field.sendKeys(value);
    }
}
