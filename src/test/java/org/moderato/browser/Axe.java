package org.moderato.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, Deque's accessibility engine (axe.min.js from the test classpath, packaged by Deque on Maven
 * Central), run in whatever page a browser shows. It is put into the page through WebDriver, which the
 * page's Content-Security-Policy (no inline script) does not govern, and checks WCAG 2.2 level AA.
 */
public final class Axe {

    /** Every rule of levels A and AA of WCAG 2.0, 2.1 and 2.2. */
    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String SOURCE = load();

    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']}).then(function (result) {
              done(result.violations.map(function (v) {
                return v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(function (n) {
                  return n.target.join(' ') + ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']';
                }).join('; ');
              }));
            }, function (error) { done(['axe did not run: ' + error]); });
            """;

    private Axe() {}

    /** "rule (impact): what to fix at where [why]" for every violation on the current page; empty when there is none. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(SOURCE);
        }
        return (List<String>) js.executeAsyncScript(RUN, WCAG_22_AA);
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
