package org.moderato.browser;

import java.util.LinkedHashMap;
import java.util.Map;
import org.moderato.testing.ModeratoServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@code /}: the list of articles, each with its title link and reply count. */
public final class FrontPage extends Page {

    private static final By SUMMARIES = By.cssSelector("ul.article-list > li.article-summary");

    private FrontPage(WebDriver driver) {
        super(driver);
        requirePage("/", SUMMARIES);
    }

    public static FrontPage open(WebDriver driver, ModeratoServer server) {
        driver.get(server.url("/"));
        return new FrontPage(driver);
    }

    /** The front page the browser shows now (e.g. after logging out). */
    static FrontPage current(WebDriver driver) {
        return new FrontPage(driver);
    }

    /** Article titles by slug, in the order listed. */
    public Map<String, String> articles() {
        Map<String, String> titles = new LinkedHashMap<>();
        for (WebElement summary : driver.findElements(SUMMARIES)) {
            WebElement link = summary.findElement(By.cssSelector("a.article-link"));
            titles.put(slugOf(link), link.getText());
        }
        return titles;
    }

    /** The reply count shown for one article ("0 replies", "1 reply", ...). */
    public String replyCountLabel(String slug) {
        return summary(slug).findElement(By.cssSelector("a.reply-count")).getText();
    }

    public long replyCount(String slug) {
        return parseReplies(replyCountLabel(slug));
    }

    /** Follows the article's title link. */
    public ArticlePage openArticle(String slug) {
        clickAndAwaitNewPage(summary(slug).findElement(By.cssSelector("a.article-link")));
        return ArticlePage.current(driver, slug);
    }

    private WebElement summary(String slug) {
        for (WebElement summary : driver.findElements(SUMMARIES)) {
            if (slug.equals(slugOf(summary.findElement(By.cssSelector("a.article-link"))))) {
                return summary;
            }
        }
        throw new AssertionError("No article '" + slug + "' on the front page; it lists " + articles().keySet());
    }

    private static String slugOf(WebElement link) {
        String path = pathOf(link.getDomProperty("href"));
        return path.startsWith("/articles/") ? path.substring("/articles/".length()) : path;
    }
}
