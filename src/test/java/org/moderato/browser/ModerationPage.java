package org.moderato.browser;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.moderato.testing.ModeratoServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@code /moderation}: one view of the comment queue and the buttons on each comment. Staff only. */
public final class ModerationPage extends Page {

    /** The queue views, each a link {@code #view-{name}} with its count. */
    public enum View {
        PENDING, APPROVED, SPAM, TRASH, ALL;

        String linkId() {
            return "view-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** One queued comment as the moderator sees it. */
    public record QueuedComment(long id, String author, String maskedEmail, String article, String time,
                                String text, String reasons) {}

    private static final By VIEWS = By.id("queue-views");
    private static final By ITEMS = By.cssSelector("form#queueform ol#queue > li[id^='queued-']");
    private static final Pattern COUNT = Pattern.compile("\\((\\d+)\\)");

    private ModerationPage(WebDriver driver) {
        super(driver);
        requirePage("/moderation", VIEWS);
        visible(By.id("current-user"));
        visible(By.cssSelector("form#queueform"));
    }

    /** Opens the queue (pending view); the browser must already be logged in as staff. */
    public static ModerationPage open(WebDriver driver, ModeratoServer server) {
        driver.get(server.url("/moderation"));
        return new ModerationPage(driver);
    }

    /** Opens the pending queue narrowed by a search, so a test sees its own comments on the first page. */
    public static ModerationPage search(WebDriver driver, ModeratoServer server, String words) {
        driver.get(server.url("/moderation?s=" + java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8)));
        return new ModerationPage(driver);
    }

    static ModerationPage current(WebDriver driver) {
        return new ModerationPage(driver);
    }

    /** Who the header says is signed in. */
    public String signedInAs() {
        return driver.findElement(By.id("current-user")).getText();
    }

    /** The view this page shows, from the highlighted view link. */
    public View currentView() {
        List<WebElement> current = driver.findElements(By.cssSelector("#queue-views a.current"));
        if (current.size() != 1) {
            throw new AssertionError("Expected exactly one highlighted queue view, found " + current.size());
        }
        String id = current.get(0).getDomAttribute("id");
        for (View view : View.values()) {
            if (view.linkId().equals(id)) {
                return view;
            }
        }
        throw new AssertionError("Unknown queue view link #" + id);
    }

    /** Follows a view link ("Spam", "Trash", ...). */
    public ModerationPage show(View view) {
        clickAndAwaitNewPage(visible(By.id(view.linkId())));
        ModerationPage page = new ModerationPage(driver);
        if (page.currentView() != view) {
            throw new AssertionError("Asked for the " + view + " view, got " + page.currentView());
        }
        return page;
    }

    /** The count beside a view link, e.g. 3 for "Spam (3)". */
    public long count(View view) {
        String text = driver.findElement(By.cssSelector("#" + view.linkId() + " .count")).getText();
        Matcher m = COUNT.matcher(text.strip());
        if (!m.matches()) {
            throw new AssertionError("Not a count: '" + text + "' on #" + view.linkId());
        }
        return Long.parseLong(m.group(1));
    }

    /** Ids of the comments listed in this view, in order. */
    public List<Long> queuedIds() {
        return driver.findElements(ITEMS).stream()
                .map(li -> Long.parseLong(li.getDomAttribute("id").substring("queued-".length())))
                .toList();
    }

    public boolean lists(long commentId) {
        return !driver.findElements(By.id("queued-" + commentId)).isEmpty();
    }

    public Optional<QueuedComment> item(long commentId) {
        return optional(By.id("queued-" + commentId)).map(li -> new QueuedComment(
                commentId,
                text(li, ".queued-author"),
                text(li, ".queued-email"),
                text(li, ".queued-article"),
                text(li, ".queued-time"),
                text(li, ".queued-text"),
                text(li, ".queued-reasons")));
    }

    /** The button labels offered for one comment, e.g. [Approve, Spam, Trash]. */
    public List<String> actionsFor(long commentId) {
        return driver.findElements(By.cssSelector("#queued-" + commentId + " .queued-actions input[type='submit']")).stream()
                .map(b -> b.getDomAttribute("value"))
                .toList();
    }

    public ModerationPage approve(long commentId) {
        return press(commentId, "approve", "Approve");
    }

    public ModerationPage spam(long commentId) {
        return press(commentId, "spam", "Spam");
    }

    public ModerationPage trash(long commentId) {
        return press(commentId, "trash", "Trash");
    }

    /** Ticks a comment's box for a bulk action. */
    public ModerationPage tick(long commentId) {
        WebElement box = visible(By.id("select-" + commentId));
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    /** Chooses an action in the bulk bar ("Approve", "Trash", ...) and presses Apply. */
    public ModerationPage applyToTicked(String actionLabel) {
        new org.openqa.selenium.support.ui.Select(visible(By.id("bulk-action"))).selectByVisibleText(actionLabel);
        clickAndAwaitNewPage(visible(By.id("bulk-apply")));
        return new ModerationPage(driver);
    }

    /** Presses "Undo" after an action. */
    public ModerationPage undo() {
        clickAndAwaitNewPage(visible(By.id("undo")));
        return new ModerationPage(driver);
    }

    /** Opens the reply box of a comment, types the reply and posts it. */
    public ModerationPage reply(long commentId, String text) {
        clickAndAwaitNewPage(visible(By.cssSelector("#queued-" + commentId + " input.action-reply")));
        WebElement box = visible(By.cssSelector("#queued-" + commentId + " textarea.reply-text"));
        box.sendKeys(text);
        WebElement post = driver.findElement(By.cssSelector("#queued-" + commentId + " .queued-reply input.submit"));
        if (!"Post reply".equals(post.getDomAttribute("value"))) {
            throw new AssertionError("The reply button reads '" + post.getDomAttribute("value") + "'");
        }
        clickAndAwaitNewPage(post);
        return new ModerationPage(driver);
    }

    // ---- the keyboard (static/desk.js) ----

    /** The comment the keyboard acts on (highlighted), if any. */
    public Optional<Long> currentRow() {
        return optional(By.cssSelector("#queue > li.queued-comment.is-current"))
                .map(li -> Long.parseLong(li.getDomAttribute("id").substring("queued-".length())));
    }

    /** Presses j until the keyboard is on this comment. */
    public ModerationPage keyTo(long commentId) {
        List<Long> ids = queuedIds();
        if (!ids.contains(commentId)) {
            throw new AssertionError("Comment " + commentId + " is not on this page: " + ids);
        }
        for (int i = 0; i <= ids.size() && !currentRow().equals(Optional.of(commentId)); i++) {
            key("j");
        }
        if (!currentRow().equals(Optional.of(commentId))) {
            throw new AssertionError("j never reached comment " + commentId + "; current is " + currentRow());
        }
        return this;
    }

    /** Types a key that stays on this page (j, k, x, ?). */
    public ModerationPage key(String key) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(key).perform();
        return this;
    }

    /** Types a key that presses a button (a, s, d, u, r, z) and waits for the answer. */
    public ModerationPage keyAndAwaitNewPage(String key) {
        WebElement html = driver.findElement(By.tagName("html"));
        key(key);
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(html));
        return new ModerationPage(driver);
    }

    public boolean keyboardHelpOpen() {
        return driver.findElement(By.id("keyboard-help")).getDomProperty("open").equals("true");
    }

    /** Error messages only (a refused action). */
    public List<String> errors() {
        return driver.findElements(By.cssSelector("#queue-messages li.message-error")).stream().map(e -> e.getText().strip()).toList();
    }

    /** Where "See your reply on the article" leads, after a staff reply. */
    public String lastReplyLink() {
        return visible(By.id("last-reply")).getDomProperty("href");
    }

    /** The messages of the last action in {@code #queue-messages}, e.g. "Comment 51: approved.". */
    public List<String> messages() {
        return driver.findElements(By.cssSelector("#queue-messages li")).stream().map(e -> e.getText().strip()).toList();
    }

    /** Presses "Log out": the server sends the browser to the front page. */
    public FrontPage logOut() {
        clickAndAwaitNewPage(visible(By.id("logout")));
        return FrontPage.current(driver);
    }

    private ModerationPage press(long commentId, String key, String label) {
        WebElement button = visible(By.cssSelector("#queued-" + commentId + " input.action-" + key));
        if (!label.equals(button.getDomAttribute("value"))) {
            throw new AssertionError("The " + key + " button of comment " + commentId + " reads '"
                    + button.getDomAttribute("value") + "', not '" + label + "'");
        }
        clickAndAwaitNewPage(button);
        return new ModerationPage(driver);
    }

    private static String text(WebElement parent, String css) {
        List<WebElement> found = parent.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText().strip();
    }
}
