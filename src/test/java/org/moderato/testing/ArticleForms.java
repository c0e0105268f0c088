package org.moderato.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The admin's article editor over plain HTTP: fill the form as it stands, change some fields, save. */
public final class ArticleForms {

    private ArticleForms() {}

    /** Fills the article form at {@code path} (new or existing) with {@code fields} over what it shows, and saves. */
    public static HttpPage save(WebClient staff, String path, Map<String, String> fields) throws IOException {
        HttpPage form = staff.get(path);
        assertEquals(200, form.status(), form.body());
        Map<String, String> post = new LinkedHashMap<>();
        post.put("articleform", "articleform");
        post.put("title", value(form, "title"));
        post.put("slug", value(form, "slug"));
        post.put("byline", value(form, "byline"));
        post.put("status", checked(form, "status"));
        post.put("publishAt", value(form, "publishAt"));
        post.put("format", checked(form, "format"));
        post.put("body", textarea(form));
        if (form.body().matches("(?s).*id=\"commentsOpen\"[^>]*checked.*")) {
            post.put("commentsOpen", "on");
        }
        post.put("version", value(form, "version"));
        post.putAll(fields);
        post.values().removeIf(v -> v == null);
        post.put("save", "Save");
        post.put("jakarta.faces.ViewState", form.viewState());
        return staff.postForm(path, post);
    }

    public static long create(WebClient staff, Map<String, String> fields) throws IOException {
        HttpPage saved = save(staff, "/admin/edit-article", fields);
        assertEquals(302, saved.status(), saved.body());
        Matcher id = Pattern.compile("/admin/edit-article\\?id=(\\d+)$").matcher(saved.location());
        assertTrue(id.find(), saved.location());
        return Long.parseLong(id.group(1));
    }

    public static String value(HttpPage page, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*?value=\"([^\"]*)\"").matcher(page.body());
        return m.find() ? m.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">") : "";
    }

    private static String checked(HttpPage page, String name) {
        Matcher m = Pattern.compile("checked=\"checked\" name=\"" + name + "\" id=\"[^\"]*\" value=\"([^\"]*)\"").matcher(page.body());
        return m.find() ? m.group(1) : null;
    }

    public static String textarea(HttpPage page) {
        Matcher m = Pattern.compile("(?s)<textarea id=\"body\"[^>]*>(.*?)</textarea>").matcher(page.body());
        return m.find() ? m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&") : "";
    }
}
