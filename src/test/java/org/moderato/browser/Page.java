package org.moderato.browser;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every page object shares: the driver, explicit waits, and "am I on the page I think I am". */
public abstract class Page {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    protected final WebDriver driver;
    protected final WebDriverWait wait;

    Page(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    /** Waits until the browser shows {@code path} and {@code marker}; fails naming what it saw instead. */
    protected final void requirePage(String expectedPath, By marker) {
        try {
            wait.until(d -> expectedPath.equals(pathOf(d.getCurrentUrl())) && !d.findElements(marker).isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("Expected " + getClass().getSimpleName() + " at " + expectedPath + " showing " + marker
                    + ", but the browser shows " + driver.getCurrentUrl() + " titled '" + driver.getTitle() + "'", e);
        }
    }

    protected final WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    protected final Optional<WebElement> optional(By locator) {
        List<WebElement> found = driver.findElements(locator);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Clicks and waits for the page to be replaced (a full form post or link), not just for the click. */
    protected final void clickAndAwaitNewPage(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        wait.until(d -> isGone(html));
    }

    /**
     * Stale, or (a race Chromium reports as a plain error) "does not belong to the document": either
     * way the old page is gone. Any other error (a crashed browser, a lost driver) is thrown, not taken
     * for a new page.
     */
    public static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException maybeGone) {
            if (String.valueOf(maybeGone.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw maybeGone;
        }
    }

    public final String currentUrl() {
        return driver.getCurrentUrl();
    }

    public final String pageSource() {
        return driver.getPageSource();
    }

    public final String documentTitle() {
        return driver.getTitle();
    }

    static String pathOf(String url) {
        if (url == null) {
            return "";
        }
        String path = URI.create(url).getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    static String queryOf(String url) {
        String query = URI.create(url).getRawQuery();
        return query == null ? "" : query;
    }

    static long parseReplies(String label) {
        var m = java.util.regex.Pattern.compile("(\\d+) repl(?:y|ies)").matcher(label.strip());
        if (!m.matches()) {
            throw new AssertionError("Not a replies label: '" + label + "'");
        }
        long n = Long.parseLong(m.group(1));
        String expected = n == 1 ? "1 reply" : n + " replies";
        if (!expected.equals(label.strip())) {
            throw new AssertionError("Replies label '" + label + "' should read '" + expected + "'");
        }
        return n;
    }
}
