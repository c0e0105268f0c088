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
        PENDING, APPROVED, SPAM, TRASH;

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
