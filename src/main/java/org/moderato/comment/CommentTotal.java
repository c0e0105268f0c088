package org.moderato.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many comments have one status; one row per status, changed only through {@link CommentTotals}. */
@Entity
@Table(name = "comment_totals")
public class CommentTotal {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private CommentStatus status;

    @Column(nullable = false)
    private long total;

    protected CommentTotal() {}

    public CommentStatus getStatus() { return status; }
    public long getTotal() { return total; }
}
