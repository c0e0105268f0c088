package org.moderato.article.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.openqa.selenium.By;

/** An admin in a real browser: writes, renames, schedules and closes an article; imports a WordPress file. */
@ExtendWith(SharedServer.class)
class ArticleBrowserIT {

    @Test
    void writeRenameScheduleAndCloseAnArticle(ModeratoServer server) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        try (ChromeSession browser = new ChromeSession(server)) {
            StaffPages.Editor editor = StaffPages.logIn(browser).newArticle()
                    .title("Browser written " + marker)
                    .body("Hello from a **real** browser.")
                    .published()
                    .save();
            assertEquals("Saved \u201cBrowser written " + marker + "\u201d.", editor.message());
            assertEquals("Published", editor.state());
            String firstSlug = editor.slugShown();
            assertEquals("browser-written-" + marker, firstSlug);

            editor = editor.slug("renamed-in-browser-" + marker).save();
            browser.open("/articles/" + firstSlug);
            assertEquals("/articles/renamed-in-browser-" + marker, browser.path(), "the old address redirects");
            assertEquals("Browser written " + marker, browser.find("main").findElement(By.className("entry-title")).getText());
            assertTrue(browser.find("respond").isDisplayed(), "comments are open");

            browser.driver.navigate().back();
            editor = new StaffPages.Editor(browser)
                    .publishAt(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(Instant.now().plus(2, ChronoUnit.DAYS)))
                    .save();
            assertEquals("Scheduled", editor.state());
            browser.open("/articles/renamed-in-browser-" + marker);
            assertEquals("Page not found", browser.driver.findElement(By.cssSelector("main h1")).getText(), "scheduled: not there yet");
            browser.open("/");
            assertFalse(browser.driver.getPageSource().contains("Browser written " + marker));

            browser.driver.navigate().back();
            browser.driver.navigate().back();
            editor = new StaffPages.Editor(browser).publishAt("").commentsOpen(false).save();
            assertEquals("Published", editor.state());
            browser.open("/articles/renamed-in-browser-" + marker);
            assertEquals("Comments are closed.", browser.find("comments-closed").getText());
            assertTrue(browser.driver.findElements(By.id("commentform")).isEmpty());
        }
    }

    @Test
    void uploadAWordPressExportAndSeeTheSummary(ModeratoServer server) throws IOException {
        Path fixture = Files.createTempFile("fixture-", ".xml");
        try (InputStream in = ArticleBrowserIT.class.getResourceAsStream("/wordpress/fixture.xml")) {
            Files.copy(in, fixture, StandardCopyOption.REPLACE_EXISTING);
        }
        try (ChromeSession browser = new ChromeSession(server)) {
            String summary = StaffPages.logIn(browser).importPage().importFile(fixture);
            assertEquals("4 articles, 9 comments imported; 1 page, 1 attachment, 1 pingback, 1 trackback,"
                    + " 1 comment on a page or attachment skipped.", summary);
            browser.find("imported-articles").click();
            assertTrue(browser.find("articles").getText().contains("Hello, world"));
        }
    }
}
