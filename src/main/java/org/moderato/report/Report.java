package org.moderato.report;

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

/**
 * One reader's report of one comment. The reader is known only by a keyed HMAC ({@code readerKey}:
 * of the address when given, else of the IP) and the client by another ({@code clientKey}, for the flood
 * limit); a notifier's address for the acknowledgement is stored sealed, never shown. Open until a
 * decision closes it; a closed report never counts again.
 */
@Entity
@Table(name = "comment_reports")
public class Report {

    @Id
    @SequenceGenerator(name = "seq_comment_reports", sequenceName = "seq_comment_reports", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_comment_reports")
    private Long id;

    @Column(name = "comment_id", nullable = false)
    private long commentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private ReportReason reason;

    @Column(length = ReportDraft.NOTE_MAX)
    private String note;

    @Column(length = ReportDraft.LAW_MAX)
    private String law;

    @Column(length = ReportDraft.EXPLANATION_MAX)
    private String explanation;

    @Column(name = "notifier_name", length = ReportDraft.NAME_MAX)
    private String notifierName;

    /** The notifier's address, sealed by the email vault; only a mail feature ever opens it. */
    @Column(name = "notifier_email", length = 1000)
    private String notifierEmail;

    @Column(name = "reader_key", nullable = false, length = 64)
    private String readerKey;

    @Column(name = "client_key", nullable = false, length = 64)
    private String clientKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "decision_id")
    private Long decisionId;

    protected Report() {}

    Report(long commentId, ReportDraft draft, String sealedNotifierEmail, String readerKey, String clientKey, Instant now) {
        this.commentId = commentId;
        this.reason = draft.reason();
        this.note = draft.note();
        if (draft.reason().isNotice()) {
            this.law = draft.law();
            this.explanation = draft.explanation();
            this.notifierName = draft.notifierName();
            this.notifierEmail = sealedNotifierEmail;
        }
        this.readerKey = readerKey;
        this.clientKey = clientKey;
        this.createdAt = now;
    }

    /** Closed by a decision: from now on it neither counts towards the threshold nor lists the comment. */
    void closeWith(long decision) {
        if (decisionId == null) {
            decisionId = decision;
        }
    }

    public Long getId() { return id; }
    public long getCommentId() { return commentId; }
    public ReportReason getReason() { return reason; }
    public String getNote() { return note; }
    public String getLaw() { return law; }
    public String getExplanation() { return explanation; }
    public String getNotifierName() { return notifierName; }
    public String getNotifierEmail() { return notifierEmail; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getDecisionId() { return decisionId; }
}
