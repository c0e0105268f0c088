package org.moderato.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook may hear of, by the name its payload and {@code X-Moderato-Event} carry. */
public enum WebhookEvent {
    HELD("comment.held", "a comment waits for a moderator"),
    APPROVED("comment.approved", "a comment is published"),
    REPORTED("comment.reported", "a reader reports a comment");

    private final String key;
    private final String label;

    WebhookEvent(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() { return key; }
    public String label() { return label; }

    public static Optional<WebhookEvent> ofKey(String key) {
        return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
    }
}
