package org.moderato.article.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.moderato.browser.Page;
import org.moderato.testing.ModeratoServer;

/**
 * Debian's headless Chromium, driven through its own chromedriver (Selenium Manager never downloads
 * anything), with a fresh profile and no background traffic. Small on purpose: the shared browser
 * helper lives in {@code org.moderato.browser}; this one serves the article pages' tests only.
 */
public final class ChromeSession implements AutoCloseable {

    final WebDriver driver;
    final ModeratoServer server;
    private final Path profile;

    public ChromeSession(ModeratoServer server) {
        this.server = server;
        try {
            profile = Files.createTempDirectory("moderato-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1200,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    void open(String path) {
        driver.get(server.url(path));
    }

    WebElement find(String id) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
    }

    void type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }

    /** Clicks a button that submits a form and waits until the next page has replaced this one. */
    void submit(String buttonId) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(buttonId).click();
        waitFor(d -> Page.isGone(page));
    }

    String path() {
        return driver.getCurrentUrl().substring(server.baseUrl().length());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
