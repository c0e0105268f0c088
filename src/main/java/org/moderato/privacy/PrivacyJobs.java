package org.moderato.privacy;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hourly privacy housekeeping, on every node (each batch is its own short transaction, so nodes
 * running it at once only share the work): anonymise IP addresses past their retention, drop spent
 * form tokens, and finish any key rotation left unfinished.
 */
@Singleton
public class PrivacyJobs {

    static final String ACTOR = "scheduled job";
    private static final Logger LOG = Logger.getLogger(PrivacyJobs.class.getName());

    @Inject
    ClientRetention retention;

    @Inject
    PrivacyBatches batches;

    @Inject
    EmailKeyRotation rotation;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void hourly() {
        try {
            retention.anonymiseExpired(ACTOR);
            batches.purgeExpiredFormTokens(Instant.now());
            if (rotation.needed()) {
                rotation.start(ACTOR);
            }
        } catch (RuntimeException e) {
            // a failed run must not cancel the timer; the next hour tries again
            LOG.log(Level.WARNING, "Privacy housekeeping failed; it runs again next hour", e);
        }
    }
}
