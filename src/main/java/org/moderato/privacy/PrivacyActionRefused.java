package org.moderato.privacy;

import jakarta.ejb.ApplicationException;

/** A privacy action the site will not do as asked; the message says why, and nothing was changed. */
@ApplicationException(rollback = true)
public class PrivacyActionRefused extends RuntimeException {
    public PrivacyActionRefused(String message) {
        super(message);
    }
}
