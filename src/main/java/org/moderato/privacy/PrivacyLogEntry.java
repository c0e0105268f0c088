package org.moderato.privacy;

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

/** One privacy action: who, when, what, and on which comment. Never holds an address. */
@Entity
@Table(name = "privacy_log")
public class PrivacyLogEntry {

    static final int DETAIL_MAX = 500;

    @Id
    @SequenceGenerator(name = "seq_privacy_log", sequenceName = "seq_privacy_log", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_privacy_log")
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 100)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PrivacyAction action;

    @Column(name = "comment_id")
    private Long commentId;

    @Column(nullable = false, length = DETAIL_MAX)
    private String detail;

    protected PrivacyLogEntry() {}

    PrivacyLogEntry(Instant occurredAt, String actor, PrivacyAction action, Long commentId, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.commentId = commentId;
        this.detail = detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX - 3) + "...";
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public PrivacyAction getAction() { return action; }
    public Long getCommentId() { return commentId; }
    public String getDetail() { return detail; }
}
