package org.moderato.platform;

import jakarta.ejb.ApplicationException;

/** A rotation the site cannot do now; the message tells the admin what to do instead. */
@ApplicationException(rollback = true)
public class SecretRotationRefused extends RuntimeException {
    public SecretRotationRefused(String message) {
        super(message);
    }
}
