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
import org.openqa.selenium.WebDriver;

/**
 * A reader reports a comment in Chromium with JavaScript off: the "Report" link under the comment,
 * the form (a refusal keeps what was typed), the thanks; no cookie at any point. The moderator then
 * finds the report on the Reported view.
 */
@ExtendWith(SharedServer.class)
class ReportJourneyIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void aReaderReportsWithoutJavaScript(ModeratoServer server) throws IOException {
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
}
