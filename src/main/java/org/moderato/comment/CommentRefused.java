package org.moderato.comment;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A submission the site will not take (comments closed, unknown article, a field in the wrong
 * shape, ...). Nothing is stored. Either a message about the whole form, or messages by field name
 * ({@code author}, {@code email}, {@code url}, {@code comment}: the form's own names), or both.
 */
@ApplicationException(rollback = true)
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

    /** Fields in the wrong shape, by name; nothing else was checked. */
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
