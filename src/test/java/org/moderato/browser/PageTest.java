package org.moderato.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/** The wait for "the old page is gone" takes only what means that, never a dead browser. */
class PageTest {

    private static WebElement answering(RuntimeException failure) {
        return (WebElement) Proxy.newProxyInstance(WebElement.class.getClassLoader(), new Class<?>[] {WebElement.class},
                (proxy, method, args) -> {
                    if (failure != null) {
                        throw failure;
                    }
                    return true;
                });
    }

    @Test
    void aStaleOrDetachedElementMeansTheOldPageIsGone() {
        assertTrue(Page.isGone(answering(new StaleElementReferenceException("stale element reference"))));
        assertTrue(Page.isGone(answering(new WebDriverException("unknown error: node does not belong to the document"))));
    }

    @Test
    void anElementThatStillAnswersIsStillThere() {
        assertFalse(Page.isGone(answering(null)));
    }

    @Test
    void aCrashedBrowserIsAnErrorNotANewPage() {
        assertThrows(WebDriverException.class,
                () -> Page.isGone(answering(new WebDriverException("session deleted because of page crash"))));
        assertThrows(WebDriverException.class, () -> Page.isGone(answering(new WebDriverException("chrome not reachable"))));
    }
}
