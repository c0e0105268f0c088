package org.moderato.comment.api;

import java.util.Map;

/** Every refusal, as JSON: a message for the whole form (or null) and messages by field name. */
public record ApiError(String error, Map<String, String> fields) {

    public static ApiError of(String message) {
        return new ApiError(message, Map.of());
    }
}
