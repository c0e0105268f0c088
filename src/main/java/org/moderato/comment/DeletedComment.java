package org.moderato.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What is left of a permanently deleted comment: who deleted it, when and from which status. No text
 * and nothing about its author, so deleting spam really removes it.
 */
@Entity
@Table(name = "deleted_comments")
public class DeletedComment {

    @Id
    @Column(name = "comment_id")
    private Long commentId;

    @Column(name = "article_id", nullable = false)
    private Long articleId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, length = 16)
    private CommentStatus fromStatus;

    @Column(name = "deleted_by", nullable = false, length = 100)
    private String deletedBy;

    @Column(name = "deleted_at", nullable = false)
    private Instant deletedAt;

    protected DeletedComment() {}

    public DeletedComment(Comment comment, String deletedBy, Instant deletedAt) {
        this.commentId = comment.getId();
        this.articleId = comment.getArticle().getId();
        this.fromStatus = comment.getStatus();
        this.deletedBy = deletedBy;
        this.deletedAt = deletedAt;
    }

    public Long getCommentId() { return commentId; }
    public CommentStatus getFromStatus() { return fromStatus; }
    public String getDeletedBy() { return deletedBy; }
    public Instant getDeletedAt() { return deletedAt; }
}
