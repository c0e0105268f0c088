package org.moderato.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.moderato.account.Role;

/**
 * An admin reads one commenter's full address, on purpose, one comment at a time; every reveal is
 * written to the privacy log in the same transaction (who, when, which comment), or does not happen.
 */
@Stateless
public class AddressReveals {

    @PersistenceContext
    EntityManager em;

    @Inject
    EmailVault vault;

    @Inject
    PrivacyLog log;

    /** The comment as the reveal page shows it before anything is revealed: the masked address only. */
    public record CommentSummary(long id, String authorName, String maskedEmail, boolean hasAddress,
                                 String articleTitle, String articleSlug, Instant createdAt) {}

    /** The address, or empty when the key that encrypted it is gone. */
    public record Revealed(CommentSummary comment, Optional<String> address) {}

    @RolesAllowed(Role.ADMIN_NAME)
    public Optional<CommentSummary> summary(long commentId) {
        return row(commentId).map(this::summaryOf);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public Revealed reveal(long commentId, String actor) {
        Object[] row = row(commentId).orElseThrow(() -> new PrivacyActionRefused("There is no comment " + commentId + "."));
        String ciphertext = (String) row[2];
        if (ciphertext == null) {
            throw new PrivacyActionRefused("Comment " + commentId + " has no email address (none was given, or it was erased).");
        }
        Optional<String> address = vault.decrypt(ciphertext);
        log.record(actor, PrivacyAction.REVEAL, commentId, address.isPresent()
                ? "address of comment " + commentId + " shown"
                : "address of comment " + commentId + " could not be decrypted (its key is lost)");
        return new Revealed(summaryOf(row), address);
    }

    private Optional<Object[]> row(long commentId) {
        return em.createQuery("SELECT c.id, c.authorName, c.emailCiphertext, a.title, a.slug, c.createdAt"
                        + " FROM Comment c JOIN c.article a WHERE c.id = :id", Object[].class)
                .setParameter("id", commentId)
                .getResultStream()
                .findFirst();
    }

    private CommentSummary summaryOf(Object[] row) {
        String ciphertext = (String) row[2];
        return new CommentSummary((Long) row[0], (String) row[1], ciphertext == null ? "none" : vault.maskedForModerator(ciphertext),
                ciphertext != null, (String) row[3], (String) row[4], (Instant) row[5]);
    }
}
