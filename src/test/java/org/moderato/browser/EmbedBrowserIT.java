package org.moderato.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moderato.testing.Desk;
import org.moderato.testing.HostSite;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.Readers;
import org.moderato.testing.SharedServer;
import org.moderato.testing.Sites;
import org.moderato.testing.WebClient;
import org.openqa.selenium.WebDriver;

/**
 * The embed widget in Chromium on another origin: a static host page on its own port, under a strict
 * CSP, shows the thread, posts, shows its author the pending preview; a moderator approves; the host
 * page shows the comment. A page on an origin no site allows gets nothing.
 */
@ExtendWith(SharedServer.class)
class EmbedBrowserIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void aHostPageShowsTheThreadPostsShowsThePreviewAndThenTheApprovedComment(ModeratoServer server) throws IOException {
        try (HostSite host = HostSite.serving(server, "A blog post", null)) {
            WebClient admin = WebClient.withCookies(server);
            admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
            Sites.add(admin, "Host " + host.origin(), host.origin(), true);

            WebDriver reader = browsers.fresh("reader").driver();
            EmbeddedThreadPage page = EmbeddedThreadPage.open(reader, host.pageUrl());
            assertEquals(0, page.replies());
            assertTrue(page.hasForm());
            assertTrue(reader.findElements(org.openqa.selenium.By.cssSelector("#subscribe_thread, #subscribe_replies")).isEmpty(),
                    "no notify boxes from a server that sends no mail");

            assertFalse(page.postRefused("author", "Without a name").isEmpty(), "the server's message beside the field");
            assertEquals("author", page.focusedId(), "the first field in error gets the focus");

            String text = "From the host page " + Readers.unique();
            long id = page.post("Host Reader", "host." + Readers.unique() + "@example.org", text);
            assertTrue(page.showsPending(id, text), "its author sees the preview");
            assertEquals(0, page.replies());

            Desk.logIn(server, "admin", ModeratoServer.ADMIN_PASSWORD).press(id, "Approve");

            WebDriver another = browsers.fresh("another reader").driver();
            EmbeddedThreadPage approved = EmbeddedThreadPage.open(another, host.pageUrl());
            assertEquals(1, approved.replies());
            assertEquals(List.of(text), approved.commentTexts());
            String report = another.findElement(org.openqa.selenium.By.cssSelector("#comment-" + id + " a.comment-report-link")).getAttribute("href");
            // the host page is English (<html lang="en">): the report page is asked for in the widget's language
            assertEquals(server.url("/report?comment=" + id + "&lang=en"), report,
                    "the report link opens Moderato's own report page, in the host page's language");
            assertEquals(List.of(), Axe.violations(another), "axe-core on the host page with the widget");
        }
    }

    @Test
    void onAGermanPageTheWidgetSpeaksGerman(ModeratoServer server) throws IOException {
        try (HostSite host = HostSite.serving(server, "Ein Blogartikel", null, "de")) {
            WebClient admin = WebClient.withCookies(server);
            admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
            Sites.add(admin, "Host " + host.origin(), host.origin(), true);
            java.util.ResourceBundle de = org.moderato.platform.ReaderTexts.bundle(java.util.Locale.GERMAN);

            WebDriver reader = browsers.fresh("german reader").driver();
            EmbeddedThreadPage page = EmbeddedThreadPage.open(reader, host.pageUrl());
            String text = page.threadText();
            assertTrue(text.contains(de.getString("form.title")), text);
            assertTrue(text.contains(de.getString("form.notes")), text);
            assertEquals(de.getString("form.submit"), reader.findElement(org.openqa.selenium.By.id("submit")).getAttribute("value"));
            for (String english : List.of("Leave a Reply", "Your email address will not be published", "Required fields", "Comment", "Post Comment")) {
                assertFalse(java.util.regex.Pattern.compile("(?<!\\p{L})" + english + "(?!\\p{L})").matcher(text).find(),
                        "English left in the German widget: " + english + "\n" + text);
            }
            assertEquals(de.getString("msg.enterName"), page.postRefused("author", "Ohne Namen"), "the server's message, in German");
        }
    }

    @Test
    void aHostPageOnAnOriginNoSiteAllowsGetsNothing(ModeratoServer server) throws IOException {
        try (HostSite allowed = HostSite.serving(server, "Allowed", "shared-page");
             HostSite stranger = HostSite.serving(server, "Stranger", "shared-page")) {
            WebClient admin = WebClient.withCookies(server);
            admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
            Sites.add(admin, "Allowed " + allowed.origin(), allowed.origin(), true);
            String text = "Only for the allowed site " + Readers.unique();
            WebDriver reader = browsers.fresh("reader").driver();
            long id = EmbeddedThreadPage.open(reader, allowed.pageUrl()).post("Allowed Reader", "allowed." + Readers.unique() + "@example.org", text);
            Desk.logIn(server, "admin", ModeratoServer.ADMIN_PASSWORD).press(id, "Approve");
            assertEquals(List.of(text), EmbeddedThreadPage.open(browsers.fresh("check").driver(), allowed.pageUrl()).commentTexts());

            EmbeddedThreadPage refused = EmbeddedThreadPage.open(browsers.fresh("stranger").driver(), stranger.pageUrl());
            assertEquals("Comments could not be loaded.", refused.notice());
            assertFalse(refused.hasForm());
            assertFalse(refused.threadText().contains(text));
        }
    }
}
