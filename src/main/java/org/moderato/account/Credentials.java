package org.moderato.account;

import java.util.Locale;
import java.util.Optional;

/** What makes a username and a password acceptable; the messages are shown to staff as they are. */
public final class Credentials {

    public static final int USERNAME_MAX = 100;
    public static final int PASSWORD_MIN = 10;
    public static final int PASSWORD_MAX = 200;

    private Credentials() {}

    /** Usernames are stored and compared in lower case, so "Alice" and "alice" are one person. */
    public static String normaliseUsername(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<String> usernameProblem(String username) {
        if (!username.matches("[a-z0-9][a-z0-9._-]{1," + (USERNAME_MAX - 1) + "}")) {
            return Optional.of("A username is 2 to 100 characters: letters, digits, dots, dashes and underscores.");
        }
        return Optional.empty();
    }

    public static Optional<String> passwordProblem(String username, String password) {
        if (password == null || password.length() < PASSWORD_MIN) {
            return Optional.of("A password needs at least " + PASSWORD_MIN + " characters.");
        }
        if (password.length() > PASSWORD_MAX) {
            return Optional.of("A password can have at most " + PASSWORD_MAX + " characters.");
        }
        if (password.strip().equalsIgnoreCase(username)) {
            return Optional.of("The password cannot be the username.");
        }
        return Optional.empty();
    }
}
