package org.moderato.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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
}
