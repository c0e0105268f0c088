package org.moderato.comment;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.moderato.article.Article;
import org.moderato.privacy.EmailVault;
import org.moderato.rules.CommentPipeline;
import org.moderato.rules.Decision;
import org.moderato.rules.FormToken;
import org.moderato.rules.HeldAuthor;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.RuleStore;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;
import org.moderato.rules.UsedFormToken;
import org.moderato.rules.Verdict;

/**
 * Takes a reader's submission through the site's rules and stores it with its first history row, or
 * refuses it and stores nothing. The checks themselves are plain Java in {@code rules}; this class
 * gathers the facts they need from the database, once.
 */
@Stateless
public class CommentService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CommentPipeline pipeline;

    @Inject
    RuleStore ruleStore;

    @Inject
    EmailVault emailVault;

    @Inject
    CommentTotals totals;

    /** Stores the comment as the rules decide, or throws {@link CommentRefused}; returns it. */
    public Comment submit(long articleId, @NotNull @Valid CommentDraft draft, @NotNull ClientInfo client) {
        Article article = em.find(Article.class, articleId);
        if (article == null) {
            throw new CommentRefused("This article does not exist.", 404);
        }
        Instant now = Instant.now();
        RuleSettings rules = ruleStore.current();
        String emailIndex = draft.getEmail() == null ? null : emailVault.blindIndex(draft.getEmail());
        Submission submission = new Submission(articleId, draft.getParentId(), draft.getAuthor(), draft.getEmail(),
                draft.getUrl(), draft.getComment(), client.ipAddress(), client.userAgent(), draft.getHoneypot(),
                draft.getFormToken(), client.staff());
        String tokenKey = FormToken.nonceOf(draft.getFormToken()) + ":" + (emailIndex != null ? emailIndex : client.ipAddress());
        Optional<SubmissionFacts.Parent> parent = parentOf(draft.getParentId());
        SubmissionFacts facts = new SubmissionFacts(now, article.isCommentsOpen(), article.getPublishedAt(), parent,
                isDuplicate(articleId, draft, emailIndex), lastCommentFrom(client.ipAddress(), emailIndex),
                emailIndex == null ? 0 : approvedCommentsBy(emailIndex),
                emailIndex != null && em.find(HeldAuthor.class, emailIndex) != null,
                em.find(UsedFormToken.class, tokenKey) != null);

        CommentPipeline.Outcome outcome = pipeline.run(submission, facts, rules);
        if (outcome.refusal().isPresent()) {
            throw new CommentRefused(outcome.refusal().get().message(), outcome.refusal().get().httpStatus());
        }
        Verdict verdict = outcome.verdict();
        em.persist(new UsedFormToken(tokenKey, now.plus(Duration.ofHours(rules.formMaxHours()))));
        SealedEmail email = draft.getEmail() == null ? new SealedEmail(null, null)
                : new SealedEmail(emailVault.encrypt(draft.getEmail()), emailIndex);
        CommentStatus status = statusFor(verdict.decision());
        int depth = parent.map(p -> p.depth() + 1).orElse(1);
        Comment comment = new Comment(article, draft, depth, email, client, status, verdict.reasons(), now);
        em.persist(comment);
        em.flush();
        em.persist(new ModerationEvent(comment.getId(), "rules", now, null, status, String.join("; ", verdict.reasons())));
        totals.apply(new CommentTotals.Delta().moved(null, status));
        return comment;
    }

    static CommentStatus statusFor(Decision decision) {
        return switch (decision) {
            case APPROVE -> CommentStatus.APPROVED;
            case HOLD -> CommentStatus.PENDING;
            case SPAM -> CommentStatus.SPAM;
        };
    }

    private Optional<SubmissionFacts.Parent> parentOf(Long parentId) {
        if (parentId == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT c.article.id, c.status, c.depth FROM Comment c WHERE c.id = :id", Object[].class)
                .setParameter("id", parentId)
                .getResultStream()
                .findFirst()
                .map(row -> new SubmissionFacts.Parent((Long) row[0], row[1] == CommentStatus.APPROVED, (Integer) row[2]));
    }

    /** Same article, same parent, same author (name or email), same text, and not trashed. */
    private boolean isDuplicate(long articleId, CommentDraft draft, String emailIndex) {
        var query = em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.article.id = :article"
                        + (draft.getParentId() == null ? " AND c.parentId IS NULL" : " AND c.parentId = :parent")
                        + " AND (c.authorName = :author OR c.emailIndex = :emailIndex)"
                        + " AND c.body = :body AND c.status <> :trash", Long.class);
        if (draft.getParentId() != null) {
            query.setParameter("parent", draft.getParentId());
        }
        return query.setParameter("article", articleId)
                .setParameter("author", draft.getAuthor() == null ? "" : draft.getAuthor())
                .setParameter("emailIndex", emailIndex == null ? "" : emailIndex)
                .setParameter("body", draft.getComment())
                .setParameter("trash", CommentStatus.TRASH)
                .getSingleResult() > 0;
    }

    /** The newest comment from this IP or this email; two indexed lookups rather than one OR. */
    private Optional<Instant> lastCommentFrom(String ipAddress, String emailIndex) {
        Instant byIp = ipAddress == null ? null
                : em.createQuery("SELECT MAX(c.createdAt) FROM Comment c WHERE c.ipAddress = :ip", Instant.class)
                        .setParameter("ip", ipAddress).getSingleResult();
        Instant byEmail = emailIndex == null ? null
                : em.createQuery("SELECT MAX(c.createdAt) FROM Comment c WHERE c.emailIndex = :index", Instant.class)
                        .setParameter("index", emailIndex).getSingleResult();
        if (byIp == null || byEmail == null) {
            return Optional.ofNullable(byIp != null ? byIp : byEmail);
        }
        return Optional.of(byIp.isAfter(byEmail) ? byIp : byEmail);
    }

    long approvedCommentsBy(String emailIndex) {
        return em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.emailIndex = :index AND c.status = :approved", Long.class)
                .setParameter("index", emailIndex)
                .setParameter("approved", CommentStatus.APPROVED)
                .getSingleResult();
    }

    /** Approved comments of an article, oldest first, in one query. */
    public List<PublicComment> approvedFor(long articleId) {
        return em.createQuery(
                        "SELECT NEW org.moderato.comment.PublicComment(c.id, c.parentId, c.authorName, c.website, c.body, c.createdAt, c.staffReply)"
                                + " FROM Comment c WHERE c.article.id = :article AND c.status = :approved ORDER BY c.id",
                        PublicComment.class)
                .setParameter("article", articleId)
                .setParameter("approved", CommentStatus.APPROVED)
                .getResultList();
    }

    /**
     * A comment of this article that is not public yet, for its author's signed preview. Spam looks
     * pending to its author, so a spammer learns nothing from the page.
     */
    public Optional<PublicComment> pendingFor(long articleId, long commentId) {
        return em.createQuery(
                        "SELECT NEW org.moderato.comment.PublicComment(c.id, c.parentId, c.authorName, c.website, c.body, c.createdAt, c.staffReply)"
                                + " FROM Comment c WHERE c.id = :id AND c.article.id = :article AND c.status IN :waiting",
                        PublicComment.class)
                .setParameter("id", commentId)
                .setParameter("article", articleId)
                .setParameter("waiting", List.of(CommentStatus.PENDING, CommentStatus.SPAM))
                .getResultStream()
                .findFirst();
    }
}
