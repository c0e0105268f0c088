package org.moderato.moderation;

/** The start of the comment a reply answers, so the moderator reads the reply in context. */
public record ParentExcerpt(long id, String authorName, String excerpt) {

    static final int LENGTH = 160;

    static String excerptOf(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= LENGTH ? flat : flat.substring(0, LENGTH - 1).stripTrailing() + "…";
    }
}
