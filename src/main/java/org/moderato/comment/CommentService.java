package org.moderato.comment;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
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

    @Inject
    Event<CommentStatusChanged> statusChanges;

    /** Stores the comment as the rules decide, or throws {@link CommentRefused}; returns it. */
    public Comment submit(long articleId, @NotNull @Valid CommentDraft draft, @NotNull ClientInfo client) {
        Article article = em.find(Article.class, articleId);
        Instant now = Instant.now();
        // a draft or a scheduled article does not exist for readers yet
        if (article == null || !article.isVisibleAt(now)) {
            throw new CommentRefused("This article does not exist.", 404);
        }
        RuleSettings rules = ruleStore.current();
        // the current key's index first; during a key rotation older comments may still carry the previous key's
        List<String> authorIndexes = draft.getEmail() == null ? List.of() : emailVault.lookupIndexes(draft.getEmail());
        String emailIndex = authorIndexes.isEmpty() ? null : authorIndexes.get(0);
        Submission submission = new Submission(articleId, draft.getParentId(), draft.getAuthor(), draft.getEmail(),
                draft.getUrl(), draft.getComment(), client.ipAddress(), client.userAgent(), draft.getHoneypot(),
                draft.getFormToken(), client.staff());
        String tokenKey = FormToken.nonceOf(draft.getFormToken()) + ":" + (emailIndex != null ? emailIndex : client.ipAddress());
        Optional<SubmissionFacts.Parent> parent = parentOf(draft.getParentId());
        SubmissionFacts facts = new SubmissionFacts(now, article.isCommentsOpen(), article.getPublishedAt(), parent,
                isDuplicate(articleId, draft, authorIndexes), lastCommentFrom(client.ipAddress(), authorIndexes),
                authorIndexes.isEmpty() ? 0 : approvedCommentsBy(authorIndexes),
                isHeld(authorIndexes),
                em.find(UsedFormToken.class, tokenKey) != null);

        CommentPipeline.Outcome outcome = pipeline.run(submission, facts, rules);
        if (outcome.refusal().isPresent()) {
            throw new CommentRefused(outcome.refusal().get().message(), outcome.refusal().get().httpStatus());
        }
        Verdict verdict = outcome.verdict();
        em.persist(new UsedFormToken(tokenKey, now.plus(Duration.ofHours(rules.formMaxHours()))));
        EmailVault.Sealed sealed = draft.getEmail() == null ? null : emailVault.seal(draft.getEmail());
        SealedEmail email = sealed == null ? SealedEmail.NONE : new SealedEmail(sealed.ciphertext(), sealed.blindIndex(), sealed.keyId());
        CommentStatus status = statusFor(verdict.decision());
        int depth = parent.map(p -> p.depth() + 1).orElse(1);
        Comment comment = new Comment(article, draft, depth, email, client, status, verdict.reasons(), now);
        em.persist(comment);
        em.flush();
        em.persist(new ModerationEvent(comment.getId(), "rules", now, null, status, String.join("; ", verdict.reasons())));
        totals.apply(new CommentTotals.Delta().moved(null, status));
        statusChanges.fire(new CommentStatusChanged(comment.getId(), articleId, null, status));
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

    /** Same article, same parent, same author (email, or name when there is none), same text, not trashed. */
    private boolean isDuplicate(long articleId, CommentDraft draft, List<String> authorIndexes) {
        // the author is their email when they gave one (an indexed lookup), else their name
        boolean byEmail = !authorIndexes.isEmpty();
        var query = em.createQuery("SELECT COUNT(c) FROM Comment c WHERE "
                        + (byEmail ? "c.emailIndex IN :indexes" : "c.authorName = :author")
                        + " AND c.article.id = :article"
                        + (draft.getParentId() == null ? " AND c.parentId IS NULL" : " AND c.parentId = :parent")
                        + " AND c.body = :body AND c.status <> :trash", Long.class);
        if (draft.getParentId() != null) {
            query.setParameter("parent", draft.getParentId());
        }
        if (byEmail) {
            query.setParameter("indexes", authorIndexes);
        } else {
            query.setParameter("author", draft.getAuthor() == null ? Comment.ANONYMOUS : draft.getAuthor());
        }
        return query.setParameter("article", articleId)
                .setParameter("body", draft.getComment())
                .setParameter("trash", CommentStatus.TRASH)
                .getSingleResult() > 0;
    }

    /** The newest comment from this IP or this email; two indexed lookups rather than one OR. */
    private Optional<Instant> lastCommentFrom(String ipAddress, List<String> authorIndexes) {
        Instant byIp = ipAddress == null ? null
                : em.createQuery("SELECT MAX(c.createdAt) FROM Comment c WHERE c.ipAddress = :ip", Instant.class)
                        .setParameter("ip", ipAddress).getSingleResult();
        Instant byEmail = authorIndexes.isEmpty() ? null
                : em.createQuery("SELECT MAX(c.createdAt) FROM Comment c WHERE c.emailIndex IN :indexes", Instant.class)
                        .setParameter("indexes", authorIndexes).getSingleResult();
        if (byIp == null || byEmail == null) {
            return Optional.ofNullable(byIp != null ? byIp : byEmail);
        }
        return Optional.of(byIp.isAfter(byEmail) ? byIp : byEmail);
    }

    private boolean isHeld(List<String> authorIndexes) {
        return !HeldAuthor.among(em, authorIndexes).isEmpty();
    }

    long approvedCommentsBy(List<String> authorIndexes) {
        return em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.emailIndex IN :indexes AND c.status = :approved", Long.class)
                .setParameter("indexes", authorIndexes)
                .setParameter("approved", CommentStatus.APPROVED)
                .getSingleResult();
    }

    /** What the article page's ETag and Last-Modified are made of, in one aggregate query. */
    public CommentsState stateOf(long articleId) {
        Object[] row = em.createQuery("SELECT COUNT(c), SUM(c.version), MAX(c.id), MAX(c.createdAt), MAX(c.statusChangedAt)"
                        + " FROM Comment c WHERE c.article.id = :article", Object[].class)
                .setParameter("article", articleId)
                .getSingleResult();
        Instant created = (Instant) row[3];
        Instant changed = (Instant) row[4];
        Instant last = created == null ? null : changed == null || created.isAfter(changed) ? created : changed;
        return new CommentsState((Long) row[0], row[1] == null ? 0 : ((Number) row[1]).longValue(),
                row[2] == null ? 0 : (Long) row[2], last);
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
