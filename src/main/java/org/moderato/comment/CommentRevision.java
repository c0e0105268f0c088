package org.moderato.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A comment's text as it was before a staff member edited it: an edit is recorded, never silent. */
@Entity
@Table(name = "comment_revisions")
public class CommentRevision {

    @Id
    @SequenceGenerator(name = "seq_comment_revisions", sequenceName = "seq_comment_revisions", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_comment_revisions")
    private Long id;

    @Column(name = "comment_id", nullable = false)
    private Long commentId;

    @Column(name = "edited_by", nullable = false, length = 100)
    private String editedBy;

    @Column(name = "edited_at", nullable = false)
    private Instant editedAt;

    @Column(name = "previous_body", nullable = false)
    private String previousBody;

    protected CommentRevision() {}

    public CommentRevision(Long commentId, String editedBy, Instant editedAt, String previousBody) {
        this.commentId = commentId;
        this.editedBy = editedBy;
        this.editedAt = editedAt;
        this.previousBody = previousBody;
    }

    public Long getId() { return id; }
    public Long getCommentId() { return commentId; }
    public String getEditedBy() { return editedBy; }
    public Instant getEditedAt() { return editedAt; }
    public String getPreviousBody() { return previousBody; }
}
