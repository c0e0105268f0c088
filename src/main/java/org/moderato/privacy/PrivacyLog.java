package org.moderato.privacy;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.moderato.account.Role;

/** Writes and reads the privacy log; an entry joins the caller's transaction, so it is there exactly when the action is. */
@Stateless
public class PrivacyLog {

    @PersistenceContext
    EntityManager em;

    /** Also written by jobs that run without a caller (hourly retention, background re-encryption); no page reaches it directly. */
    @PermitAll
    public void record(String actor, PrivacyAction action, Long commentId, String detail) {
        em.persist(new PrivacyLogEntry(Instant.now(), actor, action, commentId, detail));
    }

    /** Newest first. */
    @RolesAllowed(Role.ADMIN_NAME)
    public List<PrivacyLogEntry> recent(int limit) {
        return em.createQuery("SELECT e FROM PrivacyLogEntry e ORDER BY e.id DESC", PrivacyLogEntry.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
