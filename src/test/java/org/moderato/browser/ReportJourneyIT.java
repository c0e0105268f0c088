package org.moderato.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moderato.testing.ArticleForms;
import org.moderato.testing.Comments;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader reports a comment in Chromium with JavaScript off: the "Report" link under the comment,
 * the form (a refusal keeps what was typed), the thanks; no cookie at any point. With JavaScript the
 * same form opens in a dialog over the thread. The moderator then finds the report on the Reported view.
 */
@ExtendWith(SharedServer.class)
class ReportJourneyIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private record Reportable(WebClient admin, String slug, long id, String tag) {}

    private static Reportable aPublicComment(ModeratoServer server) throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "Reported in a browser " + tag);
        fields.put("byline", "ReportJourneyIT");
        fields.put("body", "An article with a comment to report.");
        fields.put("status", "PUBLISHED");
        String slug = ArticleForms.value(admin.get("/admin/edit-article?id=" + ArticleForms.create(admin, fields)), "slug");
        long id = Comments.approved(WebClient.anonymous(server), admin, slug, "Journey Author", "journey-" + tag + "@example.org",
                "A comment to report in a browser " + tag, null);
        return new Reportable(admin, slug, id, tag);
    }

    @Test
    void aReaderReportsWithoutJavaScript(ModeratoServer server) throws IOException {
        Reportable r = aPublicComment(server);
        WebClient admin = r.admin();
        String slug = r.slug();
        long id = r.id();
        String tag = r.tag();

        WebDriver driver = browsers.fresh("reporter", false).driver();
        ReportPage form = ArticlePage.open(driver, server, slug).report(id);
        assertEquals("A comment to report in a browser " + tag, form.reportedText());

        ReportPage refused = form.choose("illegal").note("My note " + tag).send();
        assertEquals("Please check the fields marked below.", refused.formError());
        assertEquals("Please say which law or kind of illegal content this is.", refused.fieldError("law"));
        assertEquals("My note " + tag, refused.noteValue(), "nothing typed is lost");

        ReportPage thanks = refused.choose("harassment").send();
        assertTrue(thanks.thanks().startsWith("Thank you. Your report was sent to the moderators"), thanks.pageSource());
        assertEquals(0, driver.manage().getCookies().size(), "no cookie, no session: " + driver.manage().getCookies());

        String row = admin.get("/moderation-reported").element("li", "reported-" + id);
        assertTrue(row.contains("Harassment or abuse") && row.contains("My note " + tag), row);
    }

    @Test
    void withJavaScriptTheFormOpensInADialog(ModeratoServer server) throws IOException {
        Reportable r = aPublicComment(server);
        WebDriver driver = browsers.fresh("reporter-js").driver();
        ArticlePage article = ArticlePage.open(driver, server, r.slug());
        driver.findElement(By.cssSelector("#comment-" + r.id() + " .comment-report-link")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-dialog")));
        assertTrue(article.currentUrl().contains("/articles/" + r.slug()), "still on the article: " + article.currentUrl());
        assertEquals(List.of(), Axe.violations(driver), "the dialog is accessible");
        dialog.findElement(By.id("report-dialog-cancel")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("report-dialog")));

        driver.findElement(By.cssSelector("#comment-" + r.id() + " .comment-report-link")).click();
        dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-dialog")));
        dialog.findElement(By.id("reason-off-topic")).click();
        dialog.findElement(By.id("note")).sendKeys("From the dialog " + r.tag());
        WebElement html = driver.findElement(By.tagName("html"));
        dialog.findElement(By.id("report-submit")).click();
        wait.until(d -> Page.isGone(html));
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-sent"))).getText()
                .startsWith("Thank you. Your report was sent"));
        String row = r.admin().get("/moderation-reported").element("li", "reported-" + r.id());
        assertTrue(row.contains("Off topic") && row.contains("From the dialog " + r.tag()), row);
    }
}
