package org.moderato.comment;

import jakarta.ejb.ApplicationException;

/** A submission the site will not take (comments closed, unknown article, ...). Nothing is stored. */
@ApplicationException(rollback = true)
public class CommentRefused extends RuntimeException {

    private final int httpStatus;

    public CommentRefused(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
