package org.moderato.site;

import jakarta.ejb.ApplicationException;

/** A site change that is not valid, or a thread a site may not have; rolled back, the message shown as it is. */
@ApplicationException(rollback = true)
public class SiteRefused extends RuntimeException {

    private final int httpStatus;

    public SiteRefused(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
