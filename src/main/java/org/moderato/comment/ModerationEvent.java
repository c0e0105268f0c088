package org.moderato.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of a comment's history: who moved it from which status to which, when, and why. */
@Entity
@Table(name = "moderation_events")
public class ModerationEvent {

    @Id
    @SequenceGenerator(name = "seq_moderation_events", sequenceName = "seq_moderation_events", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_moderation_events")
    private Long id;

    @Column(name = "comment_id", nullable = false)
    private Long commentId;

    @Column(nullable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private CommentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private CommentStatus toStatus;

    @Column(length = 500)
    private String note;

    protected ModerationEvent() {}

    public ModerationEvent(Long commentId, String actor, Instant occurredAt,
                           CommentStatus fromStatus, CommentStatus toStatus, String note) {
        this.commentId = commentId;
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.note = note == null || note.length() <= 500 ? note : note.substring(0, 500);
    }

    public Long getId() { return id; }
    public Long getCommentId() { return commentId; }
    public String getActor() { return actor; }
    public Instant getOccurredAt() { return occurredAt; }
    public CommentStatus getFromStatus() { return fromStatus; }
    public CommentStatus getToStatus() { return toStatus; }
    public String getNote() { return note; }
}
