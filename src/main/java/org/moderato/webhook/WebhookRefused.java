package org.moderato.webhook;

import jakarta.ejb.ApplicationException;

/** A webhook the admin cannot add as given; the message says why. Nothing is stored. */
@ApplicationException(rollback = true)
public class WebhookRefused extends RuntimeException {
    public WebhookRefused(String message) {
        super(message);
    }
}
