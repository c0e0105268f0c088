package org.moderato.testing;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The rule settings every test on the shared server starts from, kept and put back in one place: the
 * rules form as it stood once the server was started and relaxed for tests, put back after every test
 * that changed it, then read again to check that it is back. Tests change rules freely and restore nothing.
 */
final class SharedRules {

    private final WebClient admin;
    private final Map<String, String> baseline;

    private SharedRules(WebClient admin, Map<String, String> baseline) {
        this.admin = admin;
        this.baseline = baseline;
    }

    /** Remembers the rules as they are now on the server the admin client is logged in to. */
    static SharedRules remember(WebClient admin) throws IOException {
        return new SharedRules(admin, current(admin));
    }

    /** Puts the remembered rules back when anything differs, and fails unless the server then has exactly them. */
    void restore() throws IOException {
        Map<String, String> now = current(admin);
        if (now.equals(baseline)) {
            return;
        }
        Map<String, String> changes = new TreeMap<>(baseline);
        now.keySet().stream().filter(name -> !baseline.containsKey(name)).forEach(name -> changes.put(name, null));
        HttpPage saved = admin.saveRules(changes);
        Map<String, String> after = current(admin);
        if (!after.equals(baseline)) {
            throw new AssertionError("the shared server's rules could not be restored; expected " + baseline + " but have " + after
                    + "\n" + saved.body());
        }
    }

    private static Map<String, String> current(WebClient admin) throws IOException {
        HttpPage page = admin.get("/admin/rules");
        if (page.status() != 200) {
            throw new AssertionError("cannot open the rules page: " + page.status());
        }
        Map<String, String> fields = new TreeMap<>(HtmlForm.fields(page.body(), "rulesform"));
        fields.remove("jakarta.faces.ViewState");
        fields.values().removeIf(Objects::isNull);
        return fields;
    }
}
