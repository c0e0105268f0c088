package org.moderato.rules;

/**
 * A submission the site will not take. {@code message} is what the reader sees; {@code reason} is
 * what a log or a moderator may see (for bots the reader only gets a neutral message).
 */
public record Refusal(String message, int httpStatus, String reason, boolean suspectedBot) {

    public static Refusal of(String message, int httpStatus) {
        return new Refusal(message, httpStatus, message, false);
    }
}
