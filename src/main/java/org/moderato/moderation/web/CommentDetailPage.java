package org.moderato.moderation.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.moderato.comment.CommentRevision;
import org.moderato.comment.DeletedComment;
import org.moderato.comment.ModerationEvent;
import org.moderato.moderation.ModerationQueue;
import org.moderato.moderation.QueuedComment;
import org.omnifaces.util.Faces;

/** {@code /moderation-comment?id=N}: one comment with its whole history (every status change and edit). */
@Named
@RequestScoped
public class CommentDetailPage {

    @Inject
    ModerationQueue queue;

    private QueuedComment comment;
    private DeletedComment deletion;
    private List<ModerationEvent> history = List.of();
    private List<CommentRevision> revisions = List.of();

    @PostConstruct
    void load() {
        String id = Faces.getRequestParameter("id");
        if (id == null || !id.matches("[1-9]\\d{0,17}")) {
            return;
        }
        long commentId = Long.parseLong(id);
        comment = queue.comment(commentId).orElse(null);
        if (comment == null) {
            deletion = queue.deletion(commentId).orElse(null);
            return;
        }
        history = queue.history(commentId);
        revisions = queue.revisions(commentId);
    }

    /** View action: no such comment (and none deleted by that id) is a 404 page. */
    public void requireComment() throws IOException {
        if (comment == null && deletion == null) {
            Faces.responseSendError(404, "No such comment.");
        }
    }

    public QueuedComment getComment() { return comment; }
    public DeletedComment getDeletion() { return deletion; }
    public List<ModerationEvent> getHistory() { return history; }
    public List<CommentRevision> getRevisions() { return revisions; }
}
