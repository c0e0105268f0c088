package org.moderato.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.moderato.article.Article;

/**
 * A reader's comment. Its status changes only through {@link #moveTo}, which refuses illegal moves
 * and records who made the change and when. The email address is held only as ciphertext and index.
 */
@Entity
@Table(name = "comments")
public class Comment {

    @Id
    @SequenceGenerator(name = "seq_comments", sequenceName = "seq_comments", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_comments")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id", nullable = false)
    private Article article;

    @Column(name = "parent_id")
    private Long parentId;

    /** 1 for a top-level comment, 2 for a reply to it, and so on. */
    @Column(nullable = false)
    private int depth = 1;

    @Column(name = "author_name", nullable = false, length = CommentLimits.NAME_MAX)
    private String authorName;

    @Column(name = "email_ciphertext")
    private String emailCiphertext;

    @Column(name = "email_index", length = 64)
    private String emailIndex;

    /** Which site secret encrypted and indexed the address; see {@code privacy.EmailKeyRotation}. */
    @Column(name = "email_key_id", length = 16)
    private String emailKeyId;

    @Column(length = CommentLimits.WEBSITE_MAX)
    private String website;

    @Column(nullable = false)
    private String body;

    /** A short hash of the body, for the duplicate check's index; see {@link #hashOf}. */
    @Column(name = "body_hash", length = 16)
    private String bodyHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CommentStatus status;

    @Column(name = "moderation_reasons")
    private String moderationReasons;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "ip_address", length = 45)
    private String ipAddress;

    @Column(name = "user_agent", length = CommentLimits.USER_AGENT_MAX)
    private String userAgent;

    /** When the IP address was truncated and the user agent dropped, after the retention period. */
    @Column(name = "client_anonymised_at")
    private Instant clientAnonymisedAt;

    @Column(name = "status_changed_by")
    private String statusChangedBy;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    /** Posted by a moderator or admin from the queue; shown as "Staff" on the article. */
    @Column(name = "staff_reply", nullable = false)
    private boolean staffReply;

    @Column(name = "edited_by", length = 100)
    private String editedBy;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Version
    private int version;

    public static final String ANONYMOUS = "Anonymous";

    protected Comment() {}

    /** A new comment as the rules left it; the address arrives already sealed by the email vault. */
    Comment(Article article, CommentDraft draft, int depth, SealedEmail email, ClientInfo client,
                   CommentStatus initialStatus, List<String> reasons, Instant now) {
        this.article = article;
        this.parentId = draft.getParentId();
        this.depth = depth;
        // the name may be optional (a site rule); WordPress shows such comments as "Anonymous"
        this.authorName = draft.getAuthor() == null ? ANONYMOUS : draft.getAuthor();
        this.emailCiphertext = email.ciphertext();
        this.emailIndex = email.blindIndex();
        this.emailKeyId = email.keyId();
        this.website = draft.getUrl();
        this.body = draft.getComment();
        this.bodyHash = hashOf(body);
        this.status = initialStatus;
        this.moderationReasons = String.join("\n", reasons);
        this.ipAddress = client.ipAddress();
        this.userAgent = client.userAgent();
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A moderator's or admin's reply to {@code parent}: public at once, under the staff member's name,
     * with no address and no client details (it was typed on the desk, not in a reader's browser).
     */
    static Comment staffReply(Comment parent, String staffName, String text, Instant now) {
        if (!parent.status.isPublic()) {
            throw new IllegalStatusChange("Only a published comment can be replied to; approve it first.");
        }
        Comment reply = new Comment();
        reply.article = parent.article;
        reply.parentId = parent.id;
        reply.depth = parent.depth + 1;
        reply.authorName = staffName;
        reply.body = text;
        reply.bodyHash = hashOf(text);
        reply.status = CommentStatus.APPROVED;
        reply.moderationReasons = "posted by staff";
        reply.staffReply = true;
        reply.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        reply.statusChangedBy = staffName;
        reply.statusChangedAt = reply.createdAt;
        return reply;
    }

    /** Moves the comment to {@code next}, or refuses with a message a moderator can read. */
    CommentStatus moveTo(CommentStatus next, String actor, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStatusChange("This comment is " + status.name().toLowerCase()
                    + (statusChangedBy == null ? "" : " (by " + statusChangedBy + ")")
                    + "; it cannot be moved to " + next.name().toLowerCase() + ".");
        }
        CommentStatus previous = status;
        status = next;
        statusChangedBy = actor;
        statusChangedAt = now;
        return previous;
    }

    /**
     * Back to the queue for another look, with the reason the moderator will read there ("held: 3
     * reports (spam ×2, hate)", "contested: ..."): the rules' first reasons stay in the history.
     */
    CommentStatus holdForReview(String reason, String actor, Instant now) {
        CommentStatus previous = moveTo(CommentStatus.PENDING, actor, now);
        moderationReasons = reason;
        return previous;
    }

    /**
     * After the retention period: keeps only the truncated address (enough for range block lists and
     * statistics) and forgets the user agent.
     */
    void anonymiseClient(String truncatedIpAddress, Instant now) {
        ipAddress = truncatedIpAddress;
        userAgent = null;
        clientAnonymisedAt = now;
    }

    /**
     * A privacy request: everything that identifies the author goes, the text stays. The reasons go too,
     * since a key-list reason can quote the author's address or IP.
     */
    void eraseAuthor(Instant now) {
        authorName = ANONYMOUS;
        emailCiphertext = null;
        emailIndex = null;
        emailKeyId = null;
        website = null;
        ipAddress = null;
        userAgent = null;
        moderationReasons = null;
        clientAnonymisedAt = now;
    }

    /**
     * Takes back the move from {@code previous} to the current status (a moderator's "undo"). Allowed
     * exactly when that move was a legal one, so undo can restore spam or trash that "Restore" alone
     * could not (trash to approved) without opening any other path.
     */
    void undoMoveFrom(CommentStatus previous, String actor, Instant now) {
        if (!previous.canMoveTo(status)) {
            throw new IllegalStatusChange("This comment is " + status.name().toLowerCase()
                    + "; a move from " + previous.name().toLowerCase() + " cannot be undone.");
        }
        status = previous;
        statusChangedBy = actor;
        statusChangedAt = now;
    }

    /** Replaces the text (already cleaned and validated); returns the text as it was, for the record. */
    String editText(String text, String actor, Instant now) {
        String previous = body;
        body = text;
        bodyHash = hashOf(text);
        editedBy = actor;
        editedAt = now;
        return previous;
    }

    /** The first 64 bits of the text's SHA-256, in hex: enough to find candidates, the text itself decides. */
    public static String hashOf(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public Long getId() { return id; }
    public Article getArticle() { return article; }
    public Long getParentId() { return parentId; }
    public int getDepth() { return depth; }
    public String getAuthorName() { return authorName; }
    public String getEmailCiphertext() { return emailCiphertext; }
    public String getEmailIndex() { return emailIndex; }
    public String getEmailKeyId() { return emailKeyId; }
    public String getWebsite() { return website; }
    public String getBody() { return body; }
    public CommentStatus getStatus() { return status; }
    public String getModerationReasons() { return moderationReasons; }
    public Instant getCreatedAt() { return createdAt; }

    /**
     * This comment as readers see it, with what it adds to its article's {@link CommentsState}: the
     * values the row holds after commit (the times are kept to the microsecond, as the column keeps them).
     */
    CommentsChanged.Added asAdded() {
        return new CommentsChanged.Added(new PublicComment(id, parentId, authorName, website, body, createdAt, staffReply), version,
                CommentsState.latest(createdAt, statusChangedAt, editedAt));
    }
    public String getIpAddress() { return ipAddress; }
    public String getUserAgent() { return userAgent; }
    public Instant getClientAnonymisedAt() { return clientAnonymisedAt; }
    public String getStatusChangedBy() { return statusChangedBy; }
    public Instant getStatusChangedAt() { return statusChangedAt; }
    public int getVersion() { return version; }
    public boolean isStaffReply() { return staffReply; }
    public String getEditedBy() { return editedBy; }
    public Instant getEditedAt() { return editedAt; }
}
