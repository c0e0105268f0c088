package org.moderato.comment;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A submission the site will not take (comments closed, unknown article, a field in the wrong shape,
 * ...): a message for the whole form, messages by field, or both. No comment is stored;
 * the transaction still commits, so the form token spent before the checks stays spent (the service
 * writes nothing else before it refuses).
 */
@ApplicationException(rollback = false)
public class CommentRefused extends RuntimeException {

    private final int httpStatus;
    private final Map<String, String> fieldErrors;

    public CommentRefused(String message, int httpStatus) {
        this(message, httpStatus, Map.of());
    }

    public CommentRefused(String message, int httpStatus, Map<String, String> fieldErrors) {
        super(message);
        this.httpStatus = httpStatus;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Fields in the wrong shape, by the form's field names ({@code author}, {@code email}, {@code url}, {@code comment}). */
    public static CommentRefused invalid(Map<String, String> fieldErrors) {
        return new CommentRefused(null, 400, fieldErrors);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
