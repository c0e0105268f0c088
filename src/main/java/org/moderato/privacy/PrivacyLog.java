package org.moderato.privacy;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Writes and reads the privacy log; an entry joins the caller's transaction, so it is there exactly when the action is. */
@Stateless
public class PrivacyLog {

    @PersistenceContext
    EntityManager em;

    public void record(String actor, PrivacyAction action, Long commentId, String detail) {
        em.persist(new PrivacyLogEntry(Instant.now(), actor, action, commentId, detail));
    }

    /** Newest first. */
    public List<PrivacyLogEntry> recent(int limit) {
        return em.createQuery("SELECT e FROM PrivacyLogEntry e ORDER BY e.id DESC", PrivacyLogEntry.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
