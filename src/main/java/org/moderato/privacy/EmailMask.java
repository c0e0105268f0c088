package org.moderato.privacy;

/**
 * Masks an address for moderators: {@code jane@example.com} becomes {@code j•••@e•••.com}. Enough to
 * tell two commenters apart at a glance, not enough to write to them.
 */
public final class EmailMask {

    private static final String HIDDEN = "•••";

    private EmailMask() {}

    public static String mask(String email) {
        String address = email == null ? "" : email.strip();
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return address.isEmpty() ? "" : firstCodePoint(address) + HIDDEN;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        int lastDot = domain.lastIndexOf('.');
        String topLevel = lastDot > 0 ? domain.substring(lastDot) : "";
        return firstCodePoint(local) + HIDDEN + "@" + firstCodePoint(domain) + HIDDEN + topLevel;
    }

    private static String firstCodePoint(String s) {
        return new String(Character.toChars(s.codePointAt(0)));
    }
}
