package org.moderato.rules;

/**
 * Everything submitted with a comment, already cleaned and shape-checked, plus where it came from.
 * Optional fields are null when absent. {@code staff} is true for a logged-in moderator or admin.
 */
public record Submission(
        long articleId,
        Long parentId,
        String author,
        String email,
        String website,
        String text,
        String ipAddress,
        String userAgent,
        String honeypot,
        String formToken,
        boolean staff) {}
