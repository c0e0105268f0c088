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
        String token = WebClient.formTokenOf(client.get("/articles/" + slug));
        if (token.isEmpty()) {
            throw new AssertionError("no form token on " + slug);
        }
        return client.postComment(slug, author, email, "", text, token, parent);
    }

    /** Posts and returns the new comment's id, failing unless the server accepted it. */
    public static long postAndGetId(WebClient client, String slug, String author, String email, String text, Long parent)
            throws IOException {
        return idOf(post(client, slug, author, email, text, parent));
    }

    /** Whether a comment is published: listed on the article page every reader gets. */
    public static boolean isPublished(WebClient client, String slug, long id) throws IOException {
        return client.get("/articles/" + slug).hasElement("comment-" + id);
    }

    /** Posts as {@code reader} and approves as {@code staff} from the queue: a public comment, for tests that need one. */
    public static long approved(WebClient reader, WebClient staff, String slug, String author, String email, String text, Long parent)
            throws IOException {
        long id = postAndGetId(reader, slug, author, email, text, parent);
        staff.moderate("/moderation", id, "Approve");
        return id;
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
