package org.moderato.privacy;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.moderato.comment.Comment;
import org.moderato.comment.CommentWriter;
import org.moderato.comment.SealedEmail;

/**
 * The work of the long-running privacy jobs, one short transaction per batch: erasing a person's
 * comments, anonymising old IP addresses, re-encrypting addresses with a new key. Readers and
 * moderators never wait on a lock held for the whole job, and a crash loses at most one batch.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PrivacyBatches {

    @Inject
    CommentWriter writer;

    @PersistenceContext
    EntityManager em;

    @Inject
    EmailVault vault;

    /** The key id of addresses stored before key ids were recorded that no key at hand can read. */
    public static final String UNKNOWN_KEY = "unknown";

    /** What one re-encryption batch did; {@code lastId} is where the next batch starts. */
    public record RekeyResult(long lastId, int examined, int rekeyed, int unreadable) {}

    /** Erases up to {@code size} comments stored under these indexes; returns how many (0: none left). */
    public int eraseNext(List<String> indexes, boolean deleteText, Instant now, int size) {
        List<Comment> batch = em.createQuery("SELECT c FROM Comment c WHERE c.emailIndex IN :indexes ORDER BY c.id", Comment.class)
                .setParameter("indexes", indexes)
                .setMaxResults(size)
                .getResultList();
        for (Comment comment : batch) {
            if (deleteText) {
                writer.delete(comment, null, now);
            } else {
                writer.eraseAuthor(comment, now);
            }
        }
        return batch.size();
    }

    /** The other places an index identifies the person: "always hold" marks and spent form tokens ("nonce:index"). */
    public void forgetIndexes(List<String> indexes) {
        em.createQuery("DELETE FROM HeldAuthor h WHERE h.emailIndex IN :indexes").setParameter("indexes", indexes).executeUpdate();
        for (String index : indexes) {
            em.createQuery("DELETE FROM UsedFormToken t WHERE t.tokenKey LIKE :key").setParameter("key", "%:" + index).executeUpdate();
        }
    }

    /** Truncates the IP and drops the user agent of up to {@code size} comments posted before {@code cutoff}. */
    public int anonymiseNext(Instant cutoff, Instant now, int size) {
        List<Comment> batch = em.createQuery("SELECT c FROM Comment c WHERE c.clientAnonymisedAt IS NULL AND c.createdAt < :cutoff"
                        + " ORDER BY c.id", Comment.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(size)
                .getResultList();
        batch.forEach(comment -> writer.anonymiseClient(comment, IpAnonymiser.truncate(comment.getIpAddress()), now));
        return batch.size();
    }

    /** Spent form tokens past their expiry: nothing checks them any more, and a key may hold an IP address. */
    public int purgeExpiredFormTokens(Instant now) {
        return em.createQuery("DELETE FROM UsedFormToken t WHERE t.expiresAt < :now").setParameter("now", now).executeUpdate();
    }

    /**
     * Re-encrypts and re-indexes, with the current key, up to {@code size} addresses (after id {@code afterId})
     * that were sealed with another key or with an unrecorded one. An address neither key can read is left
     * as it is. Each row is updated only if its ciphertext is still the one read, so an erasure running at the
     * same time always wins; the version is not bumped, so a moderator's open page does not conflict.
     */
    public RekeyResult rekeyNext(long afterId, int size) {
        String current = vault.keyId();
        List<Object[]> rows = em.createQuery("SELECT c.id, c.emailCiphertext, c.emailIndex, c.emailKeyId FROM Comment c"
                        + " WHERE c.emailCiphertext IS NOT NULL AND (c.emailKeyId IS NULL OR c.emailKeyId <> :current)"
                        + " AND c.id > :after ORDER BY c.id", Object[].class)
                .setParameter("current", current)
                .setParameter("after", afterId)
                .setMaxResults(size)
                .getResultList();
        long lastId = afterId;
        int rekeyed = 0;
        int unreadable = 0;
        List<String[]> movedIndexes = new ArrayList<>();
        for (Object[] row : rows) {
            long id = (Long) row[0];
            String ciphertext = (String) row[1];
            String oldIndex = (String) row[2];
            lastId = id;
            Optional<EmailVault.Opened> opened = vault.open(ciphertext);
            if (opened.isEmpty()) {
                unreadable++;
                if (row[3] == null) {
                    // from before key ids were recorded, and no key we have reads it: labelled, so it is not looked at every hour
                    writer.labelKey(id, UNKNOWN_KEY);
                }
                continue;
            }
            EmailVault.Sealed sealed = vault.seal(opened.get().address());
            // an address already readable with the current key (an old row without a key id) keeps its ciphertext
            String newCiphertext = opened.get().withCurrentKey() ? ciphertext : sealed.ciphertext();
            if (writer.reseal(id, ciphertext, new SealedEmail(newCiphertext, sealed.blindIndex(), sealed.keyId()))) {
                rekeyed++;
                if (oldIndex != null && !oldIndex.equals(sealed.blindIndex())) {
                    movedIndexes.add(new String[] {oldIndex, sealed.blindIndex()});
                }
            }
        }
        movedIndexes.forEach(move -> moveHeldAuthor(move[0], move[1]));
        return new RekeyResult(lastId, rows.size(), rekeyed, unreadable);
    }

    /** An "always hold" mark follows its author to the new index. */
    private void moveHeldAuthor(String oldIndex, String newIndex) {
        long old = em.createQuery("SELECT COUNT(h) FROM HeldAuthor h WHERE h.emailIndex = :index", Long.class)
                .setParameter("index", oldIndex).getSingleResult();
        if (old == 0) {
            return;
        }
        long already = em.createQuery("SELECT COUNT(h) FROM HeldAuthor h WHERE h.emailIndex = :index", Long.class)
                .setParameter("index", newIndex).getSingleResult();
        if (already > 0) {
            em.createQuery("DELETE FROM HeldAuthor h WHERE h.emailIndex = :index").setParameter("index", oldIndex).executeUpdate();
        } else {
            // the index is the table's key, which JPQL may not update
            em.createNativeQuery("UPDATE held_authors SET email_index = ? WHERE email_index = ?")
                    .setParameter(1, newIndex).setParameter(2, oldIndex).executeUpdate();
        }
    }

    /** Addresses per key id, for the keys page: the current one, the previous one, and unreadable ones. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Object[]> addressesPerKey() {
        return em.createQuery("SELECT c.emailKeyId, COUNT(c) FROM Comment c WHERE c.emailCiphertext IS NOT NULL"
                + " GROUP BY c.emailKeyId", Object[].class).getResultList();
    }
}
