package org.moderato.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.moderato.account.Role;

/**
 * IP addresses and user agents are kept for moderation (flood checks, block lists) for a retention
 * period, then anonymised: the scheduled job in {@link PrivacyJobs} and the admin's "Anonymise now"
 * both run {@link #anonymiseExpired}.
 */
@Stateless
public class ClientRetention {

    static final int BATCH = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    PrivacyBatches batches;

    @Inject
    PrivacyLog log;

    public int retentionDays() {
        return em.find(PrivacySettings.class, PrivacySettings.THE_ROW).getIpRetentionDays();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public void changeRetention(int days, String actor) {
        PrivacySettings settings = em.find(PrivacySettings.class, PrivacySettings.THE_ROW);
        int before = settings.getIpRetentionDays();
        settings.changeIpRetention(days);
        if (before != days) {
            log.record(actor, PrivacyAction.RETENTION, null, "IP address and user agent retention: " + before + " → " + days + " days");
        }
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int anonymiseNow(String actor) {
        return anonymiseExpired(actor);
    }

    /** Anonymises every comment older than the retention period, in batches; returns how many. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int anonymiseExpired(String actor) {
        Instant now = Instant.now();
        Instant cutoff = now.minus(Duration.ofDays(retentionDays()));
        int total = 0;
        int batch;
        do {
            batch = batches.anonymiseNext(cutoff, now, BATCH);
            total += batch;
        } while (batch > 0);
        if (total > 0) {
            log.record(actor, PrivacyAction.ANONYMISE, null, "IP address and user agent of " + PrivacyRequests.comments(total)
                    + " posted before " + cutoff + " anonymised");
        }
        return total;
    }
}
