package org.moderato.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.moderato.platform.SealedValues;

/**
 * Webhooks' signing secrets as they are stored: sealed with the site secret ({@link SealedValues}), so a
 * backup or a copy of the database cannot be used to sign forged deliveries ({@link WebhookSecretResealing}
 * seals those stored before, and those only the previous site secret opens).
 */
@ApplicationScoped
public class WebhookSecrets {

    public static final String PURPOSE = "webhook-secret";

    @Inject
    SealedValues sealed;

    String seal(String secret) {
        return sealed.seal(PURPOSE, secret);
    }

    /** The secret to sign with; null when it cannot be read (sealed with a site secret this server does not have). */
    String readable(String stored) {
        if (!SealedValues.isSealed(stored)) {
            return stored;
        }
        return sealed.open(PURPOSE, stored).map(SealedValues.Opened::value).orElse(null);
    }

    /** The plain secret when it should be sealed again (stored plain by an earlier version, or sealed with the previous site secret). */
    Optional<String> toSealAgain(String stored) {
        if (!SealedValues.isSealed(stored)) {
            return Optional.of(stored);
        }
        return sealed.open(PURPOSE, stored).filter(opened -> !opened.withCurrentKey()).map(SealedValues.Opened::value);
    }
}
