package org.moderato.privacy;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moderato.platform.JobLease;

/**
 * The hourly privacy housekeeping, once per cluster (the node that takes the hour's {@link JobLease}):
 * anonymise IP addresses past their retention, drop spent form tokens, and finish any key rotation left
 * unfinished. Each batch is its own short transaction, so even two nodes running it would only share the work.
 */
@Singleton
public class PrivacyJobs {

    static final String ACTOR = "scheduled job";
    private static final Logger LOG = Logger.getLogger(PrivacyJobs.class.getName());

    @Inject
    JobLease lease;

    @Inject
    ClientRetention retention;

    @Inject
    PrivacyBatches batches;

    @Inject
    EmailKeyRotation rotation;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void hourly() {
        try {
            if (!lease.take("privacy-hourly", Duration.ofMinutes(50))) {
                return;
            }
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
