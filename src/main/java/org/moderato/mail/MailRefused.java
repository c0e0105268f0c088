package org.moderato.mail;

import jakarta.ejb.ApplicationException;

/** A mail setting or link that cannot be taken, with the message for the page; rolls back. */
@ApplicationException(rollback = true)
public class MailRefused extends RuntimeException {

    public MailRefused(String message) {
        super(message);
    }
}
