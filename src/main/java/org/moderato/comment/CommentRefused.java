package org.moderato.comment;

import jakarta.ejb.ApplicationException;

/**
 * A submission the site will not take (comments closed, unknown article, ...). No comment is stored;
 * the transaction still commits, so the form token spent before the checks stays spent (the service
 * writes nothing else before it refuses).
 */
@ApplicationException(rollback = false)
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
