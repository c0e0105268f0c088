package org.moderato.testing;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readers posting comments the way a browser without JavaScript does, for tests that need comments to moderate. */
public final class Readers {

    public static final String WELCOME = "welcome-to-moderato";

    private Readers() {}

    /** A short random tag to make a test's texts, names and addresses its own. */
    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Posts a comment (a reply when {@code parent} is given); returns its id, pending or not. */
    public static long post(ModeratoServer server, String slug, String author, String email, String text, Long parent)
            throws IOException {
        WebClient reader = WebClient.anonymous(server);
        HttpPage article = reader.get("/articles/" + slug);
        Matcher token = Pattern.compile("name=\"moderato_token\" value=\"([^\"]*)\"").matcher(article.body());
        if (!token.find()) {
            throw new AssertionError("no comment form on " + slug);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("commentform", "commentform");
        form.put("comment", text);
        form.put("author", author);
        form.put("email", email);
        form.put("url", "");
        form.put("comment_extra", "");
        form.put("moderato_token", token.group(1));
        form.put("comment_parent", parent == null ? "" : parent.toString());
        form.put("submit", "Post Comment");
        form.put("jakarta.faces.ViewState", "stateless");
        HttpPage posted = reader.postForm("/articles/" + slug, form);
        if (posted.status() != 303) {
            throw new AssertionError("comment not taken: " + posted.status() + "\n" + posted.body());
        }
        Matcher id = Pattern.compile("comment-(\\d+)$").matcher(posted.location());
        if (!id.find()) {
            throw new AssertionError(posted.location());
        }
        return Long.parseLong(id.group(1));
    }

    /** A comment held for moderation: a first comment from a new address on the welcome article. */
    public static long pending(ModeratoServer server, String text) throws IOException {
        return post(server, WELCOME, "Desk Reader", "desk." + unique() + "@example.org", text, null);
    }
}
