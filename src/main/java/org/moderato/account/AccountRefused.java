package org.moderato.account;

import jakarta.ejb.ApplicationException;

/** An account change that is not allowed or not valid; rolled back, and the message is shown as it is. */
@ApplicationException(rollback = true)
public class AccountRefused extends RuntimeException {
    public AccountRefused(String message) {
        super(message);
    }
}
