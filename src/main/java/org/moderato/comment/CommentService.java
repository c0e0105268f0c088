package org.moderato.comment;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.moderato.article.Article;
import org.moderato.privacy.EmailVault;
import org.moderato.rules.CommentRules;
import org.moderato.rules.Verdict;

/** Takes a reader's submission through the rules and stores it, with its first history row. */
@Stateless
public class CommentService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CommentRules rules;

    @Inject
    EmailVault emailVault;

    /** Stores the comment as the rules decide, or throws {@link CommentRefused}; returns it. */
    public Comment submit(long articleId, @NotNull @Valid CommentDraft draft, @NotNull ClientInfo client) {
        Article article = em.find(Article.class, articleId);
        Instant now = Instant.now();
        // a draft or a scheduled article does not exist for readers yet
        if (article == null || !article.isVisibleAt(now)) {
            throw new CommentRefused("This article does not exist.", 404);
        }
        if (!article.isCommentsOpen()) {
            throw new CommentRefused("Comments are closed.", 403);
        }
        Verdict verdict = rules.decide(draft);
        SealedEmail email = new SealedEmail(emailVault.encrypt(draft.getEmail()), emailVault.blindIndex(draft.getEmail()));
        Comment comment = new Comment(article, draft, email, client, verdict.status(), verdict.reasons(), now);
        em.persist(comment);
        em.flush();
        em.persist(new ModerationEvent(comment.getId(), "rules", now, null, verdict.status(), String.join("; ", verdict.reasons())));
        return comment;
    }

    /** Approved comments of an article, oldest first, in one query. */
    public List<PublicComment> approvedFor(long articleId) {
        return em.createQuery(
                        "SELECT NEW org.moderato.comment.PublicComment(c.id, c.parentId, c.authorName, c.website, c.body, c.createdAt)"
                                + " FROM Comment c WHERE c.article.id = :article AND c.status = :approved ORDER BY c.id",
                        PublicComment.class)
                .setParameter("article", articleId)
                .setParameter("approved", CommentStatus.APPROVED)
                .getResultList();
    }

    /** A still-pending comment of this article, for its author's signed preview. */
    public Optional<PublicComment> pendingFor(long articleId, long commentId) {
        return em.createQuery(
                        "SELECT NEW org.moderato.comment.PublicComment(c.id, c.parentId, c.authorName, c.website, c.body, c.createdAt)"
                                + " FROM Comment c WHERE c.id = :id AND c.article.id = :article AND c.status = :pending",
                        PublicComment.class)
                .setParameter("id", commentId)
                .setParameter("article", articleId)
                .setParameter("pending", CommentStatus.PENDING)
                .getResultStream()
                .findFirst();
    }
}
