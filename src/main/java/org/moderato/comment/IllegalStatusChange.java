package org.moderato.comment;

import jakarta.ejb.ApplicationException;

/** A moderator asked for a move the status rules forbid; the transaction rolls back, the page says why. */
@ApplicationException(rollback = true)
public class IllegalStatusChange extends RuntimeException {
    public IllegalStatusChange(String message) {
        super(message);
    }
}
