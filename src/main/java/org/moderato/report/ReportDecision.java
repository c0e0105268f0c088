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
 * A decision about a reported comment: who (or the threshold), when, what, on which ground, and the
 * facts it rested on. A removal's author may contest it once ({@link #contest}); the review's outcome
 * is recorded on the same row, so the transparency figures count complaints and their outcomes.
 */
@Entity
@Table(name = "report_decisions")
public class ReportDecision {

    public static final String CONTEST_UPHELD = "REVERSED";
    public static final String CONTEST_REJECTED = "UPHELD";

    @Id
    @SequenceGenerator(name = "seq_report_decisions", sequenceName = "seq_report_decisions", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_report_decisions")
    private Long id;

    @Column(name = "comment_id", nullable = false)
    private long commentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DecisionOutcome outcome;

    @Column(nullable = false)
    private boolean automated;

    /** An illegal-content notice was among the reports decided on. */
    @Column(nullable = false)
    private boolean notice;

    @Column(name = "ground_kind", length = 8)
    private String groundKind;

    @Column(length = 200)
    private String ground;

    @Column(length = 1000)
    private String explanation;

    @Column(nullable = false, length = 2000)
    private String facts;

    @Column(name = "decided_by", nullable = false, length = 100)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "first_report_at", nullable = false)
    private Instant firstReportAt;

    @Column(name = "contested_at")
    private Instant contestedAt;

    @Column(name = "contest_text", length = 1000)
    private String contestText;

    /** {@link #CONTEST_UPHELD} (the comment came back) or {@link #CONTEST_REJECTED}; null while waiting. */
    @Column(name = "contest_outcome", length = 16)
    private String contestOutcome;

    @Column(name = "contest_decided_at")
    private Instant contestDecidedAt;

    protected ReportDecision() {}

    ReportDecision(long commentId, DecisionOutcome outcome, boolean automated, boolean notice, String groundKind, String ground,
                   String explanation, String facts, String decidedBy, Instant decidedAt, Instant firstReportAt) {
        this.commentId = commentId;
        this.outcome = outcome;
        this.automated = automated;
        this.notice = notice;
        this.groundKind = groundKind;
        this.ground = ground == null || ground.length() <= 200 ? ground : ground.substring(0, 200);
        this.explanation = explanation;
        this.facts = facts.length() <= 2000 ? facts : facts.substring(0, 2000);
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.firstReportAt = firstReportAt;
    }

    /** The author's internal complaint: once, and only against a removal. */
    void contest(String text, Instant now) {
        if (!outcome.isRemoval()) {
            throw new ReportRefused(ReportMessages.NOT_CONTESTABLE, 409);
        }
        if (contestedAt != null) {
            throw new ReportRefused(ReportMessages.ALREADY_CONTESTED, 409);
        }
        contestedAt = now;
        contestText = text;
    }

    boolean isAwaitingReview() {
        return contestedAt != null && contestOutcome == null;
    }

    /** A moderator looked again after the complaint: {@code restored} when the comment came back. */
    void reviewed(boolean restored, Instant now) {
        if (isAwaitingReview()) {
            contestOutcome = restored ? CONTEST_UPHELD : CONTEST_REJECTED;
            contestDecidedAt = now;
        }
    }

    public Long getId() { return id; }
    public long getCommentId() { return commentId; }
    public DecisionOutcome getOutcome() { return outcome; }
    public boolean isAutomated() { return automated; }
    public boolean isNotice() { return notice; }
    public String getGroundKind() { return groundKind; }
    public String getGround() { return ground; }
    public String getExplanation() { return explanation; }
    public String getFacts() { return facts; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public Instant getFirstReportAt() { return firstReportAt; }
    public Instant getContestedAt() { return contestedAt; }
    public String getContestText() { return contestText; }
    public String getContestOutcome() { return contestOutcome; }
    public Instant getContestDecidedAt() { return contestDecidedAt; }
}
