package org.moderato.account;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a staff API token may do. Each scope is a group the container knows the token's caller by, so
 * the API checks it with {@code isUserInRole}, and the moderation services check the moderator role as
 * they do for the desk.
 */
public enum ApiScope {
    READ_QUEUE("read-queue", "api-read-queue", "Read the queue"),
    MODERATE("moderate", "api-moderate", "Moderate (approve, spam, trash)");

    private final String key;
    private final String group;
    private final String label;

    ApiScope(String key, String group, String label) {
        this.key = key;
        this.group = group;
        this.label = label;
    }

    public String key() { return key; }
    public String group() { return group; }
    public String label() { return label; }

    public static Optional<ApiScope> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
