package org.moderato.moderation.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.IllegalStatusChange;
import org.moderato.moderation.ModerationAction;
import org.moderato.moderation.ModerationService;
import org.moderato.moderation.QueuedComment;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** {@code /moderation}: one view of the queue (pending by default) and the actions on each comment. */
@Named
@ViewScoped
public class ModerationDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ModerationService moderation;

    @Inject
    SecurityContext security;

    private CommentStatus view = CommentStatus.PENDING;
    private Long article;
    private List<QueuedComment> comments;
    private final Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);

    @PostConstruct
    void load() {
        String requested = Faces.getRequestParameter("status");
        if (requested != null) {
            for (CommentStatus status : CommentStatus.values()) {
                if (status.name().equalsIgnoreCase(requested)) {
                    view = status;
                }
            }
        }
        String articleId = Faces.getRequestParameter("article");
        if (articleId != null && articleId.matches("\\d{1,18}")) {
            article = Long.valueOf(articleId);
        }
        refresh();
    }

    private void refresh() {
        comments = moderation.queue(view, article);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, moderation.count(status, article));
        }
    }

    public void apply(long commentId, ModerationAction action) {
        try {
            moderation.changeStatus(commentId, action.target(), security.getCallerPrincipal().getName(), null);
            Messages.addGlobalInfo("Comment {0}: {1}.", commentId, action.target().name().toLowerCase(Locale.ROOT));
        } catch (IllegalStatusChange refused) {
            Messages.addGlobalError(refused.getMessage());
        } catch (EJBException | OptimisticLockException conflict) {
            Messages.addGlobalError("Someone else changed comment {0} at the same moment; the queue now shows its current state.", commentId);
        }
        refresh();
    }

    public void holdAuthor(long commentId) {
        try {
            moderation.holdAuthor(commentId, security.getCallerPrincipal().getName());
            Messages.addGlobalInfo("The author of comment {0} is now always held for moderation.", commentId);
        } catch (IllegalStatusChange refused) {
            Messages.addGlobalError(refused.getMessage());
        }
        refresh();
    }

    public void releaseAuthor(long commentId) {
        try {
            moderation.releaseAuthor(commentId);
            Messages.addGlobalInfo("The author of comment {0} is no longer always held.", commentId);
        } catch (IllegalStatusChange refused) {
            Messages.addGlobalError(refused.getMessage());
        }
        refresh();
    }

    public List<ModerationAction> actions() {
        return ModerationAction.availableFrom(view);
    }

    public CommentStatus[] getViews() { return CommentStatus.values(); }
    public CommentStatus getView() { return view; }
    public Long getArticle() { return article; }

    /** Keeps the one-article filter on the view links. */
    public String getArticleQuery() { return article == null ? "" : "&article=" + article; }
    public List<QueuedComment> getComments() { return comments; }
    public Map<CommentStatus, Long> getCounts() { return counts; }
}
