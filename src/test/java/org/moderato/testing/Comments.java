package org.moderato.testing;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Posting comments and replies over HTTP the way the form does, and reading back their ids. */
public final class Comments {

    private static final Pattern TOKEN = Pattern.compile("name=\"moderato_token\" value=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("comment-(\\d+)$");

    private Comments() {}

    /** Opens the article for a fresh form token and posts; {@code parent} is the comment replied to, or null. */
    public static HttpPage post(WebClient client, String slug, String author, String email, String text, Long parent)
            throws IOException {
        HttpPage article = client.get("/articles/" + slug);
        Matcher token = TOKEN.matcher(article.body());
        if (!token.find()) {
            throw new AssertionError("no form token on " + slug + ": " + article);
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
        return client.postForm("/articles/" + slug, form);
    }

    /** Posts and returns the new comment's id, failing unless the server accepted it. */
    public static long postAndGetId(WebClient client, String slug, String author, String email, String text, Long parent)
            throws IOException {
        return idOf(post(client, slug, author, email, text, parent));
    }

    public static long idOf(HttpPage posted) {
        if (posted.status() != 303) {
            throw new AssertionError("not accepted: " + posted + "\n" + posted.body());
        }
        Matcher id = ID.matcher(posted.location());
        if (!id.find()) {
            throw new AssertionError("no comment id in " + posted.location());
        }
        return Long.parseLong(id.group(1));
    }
}
