package org.moderato.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** An author (by the blind index of their email) whose comments always wait for a moderator. */
@Entity
@Table(name = "held_authors")
public class HeldAuthor {

    @Id
    @Column(name = "email_index", length = 64)
    private String emailIndex;

    @Column(name = "marked_by", nullable = false)
    private String markedBy;

    @Column(name = "marked_at", nullable = false)
    private Instant markedAt;

    protected HeldAuthor() {}

    public HeldAuthor(String emailIndex, String markedBy, Instant markedAt) {
        this.emailIndex = emailIndex;
        this.markedBy = markedBy;
        this.markedAt = markedAt;
    }

    /** Which of these authors (blind indexes) are marked "always hold"; one query, none for an empty set. */
    public static Set<String> among(EntityManager em, Collection<String> emailIndexes) {
        if (emailIndexes.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("SELECT h.emailIndex FROM HeldAuthor h WHERE h.emailIndex IN :indexes", String.class)
                .setParameter("indexes", emailIndexes)
                .getResultList());
    }
}
