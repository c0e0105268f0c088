package org.moderato.privacy;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moderato.account.Role;
import org.moderato.platform.SiteSecret;

/**
 * Moves every stored address to the current site secret, in the background and in small batches, so
 * the site keeps serving readers and moderators throughout: after an admin's rotation, after the
 * operator set a new {@code MODERATO_SECRET} with the old one in {@code MODERATO_PREVIOUS_SECRET}, and
 * once for rows stored before key ids were recorded. Both the ciphertext and the blind index move
 * (an index made with a leaked key could be brute-forced from a dictionary); until a row has moved,
 * lookups ask for both indexes. When no row uses the previous secret any more, it is forgotten.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "EmailKeyIds"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EmailKeyRotation {

    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(EmailKeyRotation.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    SiteSecret siteSecret;

    @Inject
    PrivacyBatches batches;

    @Inject
    EmailKeyIds keyIds;

    @Inject
    PrivacyLog log;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Progress last;

    /** One pass over the addresses: when it ran and what it did. */
    public record Progress(Instant startedAt, Instant finishedAt, int examined, int rekeyed, int unreadable, String failure) {
        public boolean finished() {
            return finishedAt != null;
        }
    }

    /** What the keys page shows. */
    public record Status(String currentKeyId, Optional<String> previousKeyId, SiteSecret.Source source, boolean previousFromEnvironment,
                         boolean running, Progress lastPass, Map<String, Long> addressesPerKey) {

        public long addressesWith(String keyId) {
            return addressesPerKey.getOrDefault(keyId, 0L);
        }

        /** Addresses under neither the current nor the previous key: their key is lost, they show as "unknown". */
        public long unreadable() {
            return addressesPerKey.entrySet().stream()
                    .filter(e -> !e.getKey().equals(currentKeyId) && !previousKeyId.map(e.getKey()::equals).orElse(false))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    /** A previous secret given at start-up, or rows from before key ids: re-encrypt them now, not at the next hourly run. */
    @PostConstruct
    void resumeAtStartUp() {
        Map<String, Long> perKey = addressesPerKey();
        if (siteSecret.previous().isPresent() || perKey.containsKey(NO_KEY_ID)) {
            start("start-up");
        }
    }

    /** Replaces the site secret with a fresh one and starts re-encrypting; the page returns at once. */
    @RolesAllowed(Role.ADMIN_NAME)
    public void rotate(String actor) {
        if (running.get()) {
            throw new PrivacyActionRefused("A re-encryption is running; rotate again when it has finished.");
        }
        String before = keyIds.idOf(siteSecret.current());
        siteSecret.rotate();
        log.record(actor, PrivacyAction.KEY_ROTATION, null, "site secret " + before + " replaced by " + keyIds.idOf(siteSecret.current())
                + "; re-encrypting in the background");
        start(actor);
    }

    /** Starts a pass in the background unless one is running; true when one was started. */
    public boolean start(String actor) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Instant started = Instant.now();
        last = new Progress(started, null, 0, 0, 0, null);
        try {
            executor.submit(() -> pass(actor, started));
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
        return true;
    }

    /** Whether anything is left for a pass to do: a previous secret, or rows without a key id. */
    public boolean needed() {
        return siteSecret.previous().isPresent() || addressesPerKey().containsKey(NO_KEY_ID);
    }

    private void pass(String actor, Instant started) {
        int examined = 0;
        int rekeyed = 0;
        int unreadable = 0;
        String failure = null;
        try {
            long after = 0;
            PrivacyBatches.RekeyResult batch;
            do {
                batch = batches.rekeyNext(after, BATCH);
                after = batch.lastId();
                examined += batch.examined();
                rekeyed += batch.rekeyed();
                unreadable += batch.unreadable();
                last = new Progress(started, null, examined, rekeyed, unreadable, null);
            } while (batch.examined() == BATCH);
            siteSecret.previous().ifPresent(previous -> {
                if (addressesPerKey().getOrDefault(keyIds.idOf(previous), 0L) == 0) {
                    siteSecret.forgetPrevious();
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Re-encryption stopped; the next run continues where it is needed", e);
            failure = "stopped by an error; it runs again within the hour";
        } finally {
            last = new Progress(started, Instant.now(), examined, rekeyed, unreadable, failure);
            running.set(false);
        }
        if (rekeyed > 0 || failure != null) {
            log.record(actor, PrivacyAction.KEY_ROTATION, null, "re-encryption " + (failure == null ? "finished" : failure) + ": "
                    + addresses(rekeyed) + " moved to key " + keyIds.idOf(siteSecret.current()) + ", " + unreadable + " unreadable (key lost)");
        }
    }

    private static String addresses(int count) {
        return count == 1 ? "1 address" : NumberFormat.getIntegerInstance(Locale.ENGLISH).format(count) + " addresses";
    }

    public Status status() {
        return new Status(keyIds.idOf(siteSecret.current()), siteSecret.previous().map(keyIds::idOf), siteSecret.source(),
                siteSecret.previousFromEnvironment(), running.get(), last, addressesPerKey());
    }

    static final String NO_KEY_ID = "(none)";

    private Map<String, Long> addressesPerKey() {
        Map<String, Long> perKey = new LinkedHashMap<>();
        for (Object[] row : batches.addressesPerKey()) {
            perKey.put(row[0] == null ? NO_KEY_ID : (String) row[0], (Long) row[1]);
        }
        return perKey;
    }
}
