package org.moderato.privacy;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.crypto.spec.SecretKeySpec;
import org.moderato.platform.Randomness;
import org.moderato.platform.SecretGeneration;
import org.moderato.platform.SiteSecret;

/**
 * The key id stored with every address ({@code comments.email_key_id}): a random label, recorded in
 * {@code email_keys} together with the label sealed (AES-GCM) under a key derived from its secret. A
 * secret finds its label by opening the sealed values; a label alone says nothing about the secret.
 * Kept in the database, so every node of a cluster uses the same label for the same secret.
 *
 * <p>Versions before schema V009 stored an HMAC fingerprint of the secret as the id, which let anyone
 * with the database test guessed secrets cheaply. At start-up those rows (and privacy log entries naming
 * them) are relabelled; fingerprints of secrets this server no longer has become "unknown".
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EmailKeyIds {

    private static final String CHECK_PURPOSE = "email-key-check";
    private static final Logger LOG = Logger.getLogger(EmailKeyIds.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    SiteSecret siteSecret;

    // by identity: a SecretGeneration lives as long as the secret is in use
    private final Map<SecretGeneration, String> labels = new ConcurrentHashMap<>();

    @PostConstruct
    void relabelFingerprints() {
        relabel(siteSecret.current());
        siteSecret.previous().ifPresent(this::relabel);
        int lost = em.createNativeQuery("UPDATE comments SET email_key_id = ? WHERE email_key_id IS NOT NULL AND email_key_id <> ?"
                        + " AND email_key_id NOT IN (SELECT key_id FROM email_keys)")
                .setParameter(1, PrivacyBatches.UNKNOWN_KEY).setParameter(2, PrivacyBatches.UNKNOWN_KEY).executeUpdate();
        if (lost > 0) {
            LOG.info(() -> lost + " addresses carried the fingerprint of a secret this server does not have; now labelled unknown");
        }
    }

    private void relabel(SecretGeneration generation) {
        String fingerprint = generation.formerFingerprint();
        String label = idOf(generation);
        int rows = em.createNativeQuery("UPDATE comments SET email_key_id = ? WHERE email_key_id = ?")
                .setParameter(1, label).setParameter(2, fingerprint).executeUpdate();
        em.createNativeQuery("UPDATE privacy_log SET detail = REPLACE(detail, ?, ?) WHERE detail LIKE ?")
                .setParameter(1, fingerprint).setParameter(2, label).setParameter(3, "%" + fingerprint + "%").executeUpdate();
        if (rows > 0) {
            LOG.info(() -> rows + " addresses relabelled from the secret's former fingerprint to key id " + label);
        }
    }

    /** The label of this secret, made (and committed at once, before any row uses it) the first time it is asked for. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String idOf(SecretGeneration generation) {
        return labels.computeIfAbsent(generation, this::findOrCreate);
    }

    private String findOrCreate(SecretGeneration generation) {
        SecretKeySpec check = new SecretKeySpec(generation.keyFor(CHECK_PURPOSE), "AES");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT key_id, check_value FROM email_keys ORDER BY created_at, key_id").getResultList();
        for (Object[] row : rows) {
            String label = (String) row[0];
            if (EmailVault.decryptWith(check, (String) row[1]).filter(label::equals).isPresent()) {
                return label;
            }
        }
        String label = HexFormat.of().formatHex(Randomness.bytes(8));
        em.createNativeQuery("INSERT INTO email_keys (key_id, check_value, created_at) VALUES (?, ?, ?)")
                .setParameter(1, label).setParameter(2, EmailVault.encryptWith(check, label)).setParameter(3, Timestamp.from(Instant.now()))
                .executeUpdate();
        return label;
    }
}
