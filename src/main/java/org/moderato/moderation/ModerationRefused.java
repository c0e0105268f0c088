package org.moderato.moderation;

import jakarta.ejb.ApplicationException;

/**
 * A desk action that cannot be done as asked (someone else changed the comment first, it is gone, the
 * text is empty...). The transaction rolls back; the message is shown to the moderator as it is.
 */
@ApplicationException(rollback = true)
public class ModerationRefused extends RuntimeException {
    public ModerationRefused(String message) {
        super(message);
    }
}
