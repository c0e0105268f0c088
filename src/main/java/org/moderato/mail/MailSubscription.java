package org.moderato.mail;

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
import org.moderato.comment.FollowUp;

/**
 * A reader's wish for mail about one article, made by their comment (whose sealed address is the one
 * written to). It only takes effect once the address is confirmed ({@code mail_addresses}).
 */
@Entity
@Table(name = "mail_subscriptions")
public class MailSubscription {

    @Id
    @SequenceGenerator(name = "seq_mail_subscriptions", sequenceName = "seq_mail_subscriptions", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_mail_subscriptions")
    private Long id;

    @Column(name = "article_id", nullable = false)
    private Long articleId;

    @Column(name = "comment_id", nullable = false)
    private Long commentId;

    @Column(name = "email_index", nullable = false)
    private String emailIndex;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FollowUp scope;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MailSubscription() {}

    MailSubscription(long articleId, long commentId, String emailIndex, FollowUp scope, Instant createdAt) {
        if (scope == FollowUp.NONE) {
            throw new IllegalArgumentException("a subscription is to a thread or to replies");
        }
        this.articleId = articleId;
        this.commentId = commentId;
        this.emailIndex = emailIndex;
        this.scope = scope;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getArticleId() { return articleId; }
    public Long getCommentId() { return commentId; }
    public String getEmailIndex() { return emailIndex; }
    public FollowUp getScope() { return scope; }
}
