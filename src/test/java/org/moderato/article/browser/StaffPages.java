package org.moderato.article.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.moderato.testing.ModeratoServer;

/** Page objects for the admin's article pages: each checks it is on its page and returns the next one. */
final class StaffPages {

    private StaffPages() {}

    static ArticleList logIn(ChromeSession browser) {
        browser.open("/login");
        browser.type("username", "admin");
        browser.type("password", ModeratoServer.ADMIN_PASSWORD);
        browser.submit("login");
        browser.open("/admin/articles");
        return new ArticleList(browser);
    }

    static final class ArticleList {
        private final ChromeSession browser;

        ArticleList(ChromeSession browser) {
            this.browser = browser;
            assertEquals("/admin/articles", browser.path());
            browser.find("articles");
        }

        Editor newArticle() {
            browser.find("new-article").click();
            return new Editor(browser);
        }

        ImportPage importPage() {
            browser.find("to-import").click();
            return new ImportPage(browser);
        }
    }

    static final class Editor {
        private final ChromeSession browser;

        Editor(ChromeSession browser) {
            this.browser = browser;
            assertTrue(browser.path().startsWith("/admin/edit-article"), browser.path());
            browser.find("articleform");
        }

        Editor title(String title) { browser.type("title", title); return this; }
        Editor slug(String slug) { browser.type("slug", slug); return this; }
        Editor body(String body) { browser.type("body", body); return this; }
        Editor publishAt(String date) { browser.type("publishAt", date); return this; }

        Editor published() {
            browser.driver.findElement(By.cssSelector("input[name='status'][value='PUBLISHED']")).click();
            return this;
        }

        Editor commentsOpen(boolean open) {
            WebElement box = browser.find("commentsOpen");
            if (box.isSelected() != open) {
                box.click();
            }
            return this;
        }

        /** Saves; the answer is this editor again, now showing the saved article. */
        Editor save() {
            browser.submit("save");
            return new Editor(browser);
        }

        String message() { return browser.find("form-messages").getText(); }
        String state() { return browser.find("article-state").getText(); }
        String slugShown() { return browser.find("slug").getAttribute("value"); }
    }

    static final class ImportPage {
        private final ChromeSession browser;

        ImportPage(ChromeSession browser) {
            this.browser = browser;
            assertEquals("/admin/import", browser.path());
            assertEquals("Export file (WordPress WXR or Disqus XML)", browser.driver.findElement(By.cssSelector("label[for='file']")).getText());
        }

        /** Chooses the file, presses "Import" and waits for the summary (the page posts with a progress bar). */
        String importFile(Path file) {
            browser.find("file").sendKeys(file.toAbsolutePath().toString());
            WebElement button = browser.find("import");
            assertEquals("Import", button.getAttribute("value"));
            button.click();
            return browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("import-summary"))).getText();
        }
    }
}
