package org.moderato.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.moderato.testing.ModeratoServer;

/**
 * The browsers one test opens, each fresh: {@code @RegisterExtension final Browsers browsers = new Browsers();}
 * then {@code browsers.fresh("reader")}. When the test fails, every browser's screen and page source
 * go to {@code target/it-logs/browser/}; after each test all of them are closed.
 */
public final class Browsers implements TestExecutionExceptionHandler, AfterEachCallback {

    private final List<Browser> open = new ArrayList<>();

    public Browser fresh(String name) {
        return fresh(name, true);
    }

    public Browser fresh(String name, boolean javaScript) {
        Browser browser = Browser.fresh(name, javaScript);
        open.add(browser);
        return browser;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Path directory = ModeratoServer.projectDir().resolve("target/it-logs/browser");
        String prefix = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        for (Browser browser : open) {
            browser.saveDiagnostics(directory, prefix);
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RuntimeException first = null;
        for (Browser browser : open) {
            try {
                browser.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
