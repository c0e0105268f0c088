package org.moderato.testing;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sites added the way an admin adds them, on {@code /admin/sites}. */
public final class Sites {

    private Sites() {}

    /** Adds a site and returns its id; {@code admin}: a logged-in admin's client. */
    public static long add(WebClient admin, String name, String origins, boolean createThreads) throws IOException {
        HttpPage page = admin.get("/admin/sites");
        if (page.status() != 200) {
            throw new AssertionError("cannot open the sites page: " + page.status());
        }
        Map<String, String> form = HtmlForm.fields(page.body(), "sitesform");
        form.put("site-name", name);
        form.put("site-origins", origins);
        if (createThreads) {
            form.put("site-create", "on");
        } else {
            form.remove("site-create");
        }
        form.put("site-add", "Add site");
        HttpPage saved = admin.postForm("/admin/sites", form);
        Matcher row = Pattern.compile("<tr id=\"site-(\\d+)\" class=\"site\">\\s*<td class=\"site-name\">" + Pattern.quote(name) + "</td>")
                .matcher(saved.body());
        if (!row.find()) {
            throw new AssertionError("site " + name + " not added:\n" + saved.body());
        }
        return Long.parseLong(row.group(1));
    }
}
