package org.moderato.browser;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.moderato.testing.ModeratoServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@code /articles/{slug}}: the article, its comments, and the "Leave a Reply" form. */
public final class ArticlePage extends Page {

    /** The form's fields by their stable ids. */
    public enum Field {
        COMMENT("comment"), AUTHOR("author"), EMAIL("email"), URL("url");

        final String id;

        Field(String id) {
            this.id = id;
        }
    }

    /** One comment as a reader sees it in the list. */
    public record CommentView(long id, String author, String time, String text, boolean pending, boolean staff) {}

    private static final By TITLE = By.cssSelector("h1.entry-title");
    private static final By FORM = By.cssSelector("#respond form#commentform");
    private static final By COMMENTS = By.cssSelector("#comments ol.comment-list li[id^='comment-']");
    private static final Pattern UNAPPROVED = Pattern.compile("(?:^|&)unapproved=(\\d+)(?:&|$)");

    private final String slug;

    private ArticlePage(WebDriver driver, String slug) {
        super(driver);
        this.slug = slug;
        requirePage("/articles/" + slug, By.id("comments"));
        visible(TITLE);
        visible(By.id("comments-title"));
    }

    public static ArticlePage open(WebDriver driver, ModeratoServer server, String slug) {
        driver.get(server.url("/articles/" + slug));
        return new ArticlePage(driver, slug);
    }

    /** Opens an exact address of this article, e.g. the signed link to one's own pending comment. */
    public static ArticlePage openUrl(WebDriver driver, String url, String slug) {
        driver.get(url);
        return new ArticlePage(driver, slug);
    }

    /** The article the browser shows now, e.g. after following a link to it. */
    static ArticlePage current(WebDriver driver, String slug) {
        return new ArticlePage(driver, slug);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return driver.findElement(TITLE).getText();
    }

    // ---- comments ----

    /** The text of {@code #comments-title}, e.g. "3 replies". */
    public String repliesHeading() {
        return driver.findElement(By.id("comments-title")).getText();
    }

    /** The number in the replies heading (checked to read "1 reply" or "N replies"). */
    public long repliesCount() {
        return parseReplies(repliesHeading());
    }

    /** Ids of all comments in the thread, in reading order, approved ones and the reader's own pending one alike. */
    public List<Long> commentIds() {
        return driver.findElements(COMMENTS).stream().map(ArticlePage::idOf).toList();
    }

    public boolean showsComment(long id) {
        return !driver.findElements(By.id("comment-" + id)).isEmpty();
    }

    /** The comment itself, not its replies (which are in the same {@code li}). */
    public Optional<CommentView> comment(long id) {
        return optional(By.id("comment-" + id)).map(li -> {
            WebElement body = li.findElement(By.cssSelector(":scope > article.comment-body"));
            return new CommentView(
                    id,
                    body.findElement(By.cssSelector(".fn")).getText(),
                    body.findElement(By.tagName("time")).getDomAttribute("datetime"),
                    body.findElement(By.cssSelector(".comment-content")).getText(),
                    hasClass(li, "comment-pending"),
                    hasClass(li, "comment-by-staff") && !body.findElements(By.cssSelector(".comment-staff")).isEmpty());
        });
    }

    public List<String> commentAuthors() {
        return driver.findElements(COMMENTS).stream().map(li -> li.findElement(By.cssSelector(":scope > article .fn")).getText()).toList();
    }

    /** The "Your comment is awaiting moderation." notice, when the page shows one. */
    public Optional<String> awaitingNotice() {
        return optional(By.id("moderation-notice")).map(WebElement::getText);
    }

    /** The pending comment id named by the address ({@code ?unapproved=ID&moderation-hash=...}). */
    public Optional<Long> unapprovedIdInUrl() {
        Matcher m = UNAPPROVED.matcher(queryOf(currentUrl()));
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    // ---- the form ----

    /** Follows the comment's "Report" link (a plain link: no JavaScript needed). */
    public ReportPage report(long commentId) {
        WebElement link = driver.findElement(By.cssSelector("#comment-" + commentId + " .comment-report-link"));
        clickAndAwaitNewPage(link);
        return new ReportPage(driver, commentId);
    }

    public ArticlePage fill(Field field, String value) {
        WebElement input = visible(By.id(field.id));
        input.clear();
        if (value != null && !value.isEmpty()) {
            input.sendKeys(value);
        }
        return this;
    }

    public ArticlePage fillComment(String comment, String author, String email, String website) {
        return fill(Field.COMMENT, comment).fill(Field.AUTHOR, author).fill(Field.EMAIL, email).fill(Field.URL, website);
    }

    /** Presses "Post Comment"; the server answers with this article again (with errors, or after its redirect). */
    public ArticlePage post() {
        WebElement submit = visible(By.cssSelector("form#commentform input#submit"));
        if (!"Post Comment".equals(submit.getDomAttribute("value"))) {
            throw new AssertionError("The submit button reads '" + submit.getDomAttribute("value") + "', not 'Post Comment'");
        }
        clickAndAwaitNewPage(submit);
        return new ArticlePage(driver, slug);
    }

    /** Fills the form and posts it. */
    public ArticlePage postComment(String comment, String author, String email, String website) {
        return fillComment(comment, author, email, website).post();
    }

    /** What the field holds now (the DOM value, i.e. what the reader sees in it). */
    public String fieldValue(Field field) {
        return driver.findElement(By.id(field.id)).getDomProperty("value");
    }

    /**
     * The message shown beside a field: the {@code #{field}-error} element that directly follows the
     * field in the same paragraph. Empty when there is none.
     */
    public String fieldError(Field field) {
        WebElement input = driver.findElement(By.id(field.id));
        List<WebElement> beside = input.findElements(By.xpath("following-sibling::*[@id='" + field.id + "-error']"));
        if (beside.isEmpty()) {
            if (!driver.findElements(By.id(field.id + "-error")).isEmpty()) {
                throw new AssertionError("#" + field.id + "-error is not beside its field");
            }
            return "";
        }
        return beside.get(0).getText().strip();
    }

    /** Messages that refuse the whole form ({@code #form-errors}), if any. */
    public List<String> formErrors() {
        return driver.findElements(By.cssSelector("#form-errors li")).stream().map(e -> e.getText().strip()).toList();
    }

    /** The texts around the form a reader relies on. */
    public String replyTitle() {
        return driver.findElement(By.cssSelector("#respond h3#reply-title")).getText();
    }

    public String formNotes() {
        return driver.findElement(By.cssSelector("form#commentform .comment-notes")).getText();
    }

    /** Whether the form is there at all ("Comments are closed." replaces it). */
    public boolean hasForm() {
        return !driver.findElements(FORM).isEmpty();
    }

    public Optional<String> closedNotice() {
        return optional(By.id("comments-closed")).map(e -> e.getText().strip());
    }

    /** Clicks "Reply" on a comment: with JavaScript the form moves there; without, the page reloads with it there. */
    public ArticlePage clickReply(long commentId) {
        WebElement link = visible(By.cssSelector("#comment-" + commentId + " a.comment-reply-link"));
        String before = currentUrl();
        link.click();
        wait.until(d -> !d.getCurrentUrl().equals(before) || !d.findElements(By.cssSelector("#comment-" + commentId + " #respond")).isEmpty());
        return new ArticlePage(driver, slug);
    }

    /** True when the form sits right under the comment: in its {@code li}, after its text, before its replies (as WordPress puts it). */
    public boolean formIsUnder(long commentId) {
        return !driver.findElements(By.cssSelector("#comment-" + commentId + " > #div-comment-" + commentId + " + #respond")).isEmpty();
    }

    /** The comment's nesting level as the page marks it ({@code depth-N}). */
    public int depthOf(long commentId) {
        return Integer.parseInt(driver.findElement(By.id("comment-" + commentId)).getDomAttribute("data-depth"));
    }

    public ArticlePage remember(boolean on) {
        WebElement box = visible(By.id("wp-comment-cookies-consent"));
        if (box.isSelected() != on) {
            box.click();
        }
        return this;
    }

    /** Ticks or unticks "Notify me of follow-up comments by email" (only there when mail is on). */
    public ArticlePage notifyOfFollowUps(boolean on) {
        var box = visible(By.id("subscribe_thread"));
        if (box.isSelected() != on) {
            box.click();
        }
        return this;
    }

    public boolean rememberChecked() {
        return driver.findElement(By.id("wp-comment-cookies-consent")).isSelected();
    }

    /** Follows a comment-page link ("1", "2", ...). */
    public ArticlePage goToCommentPage(int number) {
        clickAndAwaitNewPage(visible(By.xpath("//nav[@class='comment-navigation']//a[normalize-space(.)='" + number + "']")));
        return new ArticlePage(driver, slug);
    }

    // ----

    private static long idOf(WebElement li) {
        return Long.parseLong(li.getDomAttribute("id").substring("comment-".length()));
    }

    private static boolean hasClass(WebElement element, String cssClass) {
        String classes = element.getDomAttribute("class");
        return classes != null && List.of(classes.trim().split("\\s+")).contains(cssClass);
    }
}
