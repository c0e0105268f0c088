package org.moderato.testing;

import java.io.IOException;
import java.util.UUID;

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
        return Comments.postAndGetId(WebClient.anonymous(server), slug, author, email, text, parent);
    }

    /** A comment held for moderation: a first comment from a new address on the welcome article. */
    public static long pending(ModeratoServer server, String text) throws IOException {
        return post(server, WELCOME, "Desk Reader", "desk." + unique() + "@example.org", text, null);
    }
}
