package org.moderato.platform;

import java.util.regex.Pattern;

/**
 * Blanks what looks like an email or IP address in text that leaves the server for someone who must
 * not read one (staff mail, webhooks): a moderation list entry can be an address or an IP, and the
 * reasons and errors quoting it travel further than the desk.
 */
public final class AddressScrub {

    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'(),;:@]+@[^\\s<>\"'(),;:@]+");
    private static final Pattern IP = Pattern.compile(
            "\\b\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?\\b|(?<![\\w:])[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{0,4}){2,7}(/\\d{1,3})?(?![\\w:])");

    private AddressScrub() {}

    /** The text with email addresses blanked, null for null. */
    public static String withoutEmails(String text) {
        return text == null ? null : EMAIL.matcher(text).replaceAll("[address]");
    }

    /** The text with email and IP addresses blanked, null for null. */
    public static String withoutAddresses(String text) {
        return text == null ? null : IP.matcher(withoutEmails(text)).replaceAll("[address]");
    }
}
