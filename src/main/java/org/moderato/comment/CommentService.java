package org.moderato.comment;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.moderato.article.Article;
import org.moderato.privacy.EmailVault;
import org.moderato.rules.CommentPipeline;
import org.moderato.rules.Decision;
import org.moderato.rules.FormToken;
import org.moderato.rules.HeldAuthor;
import org.moderato.rules.ReturningCommenter;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.RuleStore;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;
import org.moderato.rules.UsedFormToken;
import org.moderato.rules.Verdict;
import org.moderato.rules.checks.BotCheck;

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
    CommentWriter writer;

    @Inject
    Validator validator;

    @Inject
    FormToken formTokens;

    @Inject
    ReturningCommenter returningCommenters;

    @Resource
    SessionContext context;

    /**
     * Stores the comment as the rules decide, or throws {@link CommentRefused}; returns it with the
     * returning-commenter token its author's browser may keep. {@code returningToken}: the one the
     * browser sent, or null.
     */
    public Submitted submit(long articleId, CommentDraft draft, ClientInfo client, String returningToken) {
        RuleSettings rules = ruleStore.current();
        // every door comes here with the draft as typed: the fields' shapes are checked here, once
        Map<String, String> invalid = fieldErrors(draft, rules);
        if (!invalid.isEmpty()) {
            throw CommentRefused.invalid(invalid);
        }
        Article article = em.find(Article.class, articleId);
        Instant now = Instant.now();
        // a draft or a scheduled article does not exist for readers yet
        if (article == null || !article.isVisibleAt(now)) {
            throw new CommentRefused("This article does not exist.", 404);
        }
        spendFormToken(draft.getFormToken(), now.plus(Duration.ofHours(rules.formMaxHours())));
        // the current key's index first; during a key rotation older comments may still carry the previous key's
        List<String> authorIndexes = draft.getEmail() == null ? List.of() : emailVault.lookupIndexes(draft.getEmail());
        Submission submission = new Submission(articleId, draft.getParentId(), draft.getAuthor(), draft.getEmail(),
                draft.getUrl(), draft.getComment(), client.ipAddress(), client.userAgent(), draft.getHoneypot(),
                draft.getFormToken(), client.staff());
        Optional<SubmissionFacts.Parent> parent = parentOf(draft.getParentId());
        boolean returning = isApprovedCommentOf(returningCommenters.commentOf(returningToken, authorIndexes), authorIndexes);
        SubmissionFacts facts = new SubmissionFacts(now, article.isCommentsOpen(), article.getPublishedAt(), parent,
                isDuplicate(articleId, draft, client.ipAddress()), lastCommentFrom(client.ipAddress()),
                authorIndexes.isEmpty() ? 0 : approvedCommentsBy(authorIndexes),
                isHeld(authorIndexes), returning);

        CommentPipeline.Outcome outcome = pipeline.run(submission, facts, rules);
        if (outcome.refusal().isPresent()) {
            throw new CommentRefused(outcome.refusal().get().message(), outcome.refusal().get().httpStatus());
        }
        Verdict verdict = outcome.verdict();
        EmailVault.Sealed sealed = draft.getEmail() == null ? null : emailVault.seal(draft.getEmail());
        SealedEmail email = sealed == null ? SealedEmail.NONE : new SealedEmail(sealed.ciphertext(), sealed.blindIndex(), sealed.keyId());
        Comment comment = writer.addSubmitted(article, draft, parent.map(SubmissionFacts.Parent::depth).orElse(0), email, client,
                statusFor(verdict.decision()), verdict.reasons(), now);
        // a token that already names an approved comment stays: the new comment may never be approved
        String keep = sealed == null ? null
                : returning ? returningToken : returningCommenters.issue(comment.getId(), sealed.blindIndex());
        return new Submitted(comment, keep);
    }

    /** The stored comment, and the returning-commenter token for its author's browser (null without an address). */
    public record Submitted(Comment comment, String returningCommenter) {}

    /**
     * Records a genuine form token's nonce as spent, before any check: the row's primary key is the
     * single-use check (a second, even concurrent, use cannot be stored), and a refusal commits the
     * spent token, so one form cannot probe again and again. The reader whose comment is refused gets
     * the form back with a fresh token. Forged tokens are not recorded (the bot check refuses them).
     */
    private void spendFormToken(String formToken, Instant expiresAt) {
        if (!formTokens.isSigned(formToken)) {
            return;
        }
        try {
            em.persist(new UsedFormToken(FormToken.nonceOf(formToken), expiresAt));
            em.flush();
        } catch (PersistenceException usedBefore) {
            if (!isConflict(usedBefore)) {
                throw usedBefore;
            }
            context.setRollbackOnly();
            throw new CommentRefused(BotCheck.MESSAGE, 403);
        }
    }

    /** A unique-key violation, or (H2) a wait for the other transaction's row lock that ran out. */
    private static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("HYT00"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the comment a returning-commenter token names is approved and still under this address. */
    private boolean isApprovedCommentOf(Optional<Long> commentId, List<String> authorIndexes) {
        return commentId.isPresent() && !em.createQuery("SELECT c.id FROM Comment c WHERE c.id = :id AND c.status = :approved"
                        + " AND c.emailIndex IN :indexes", Long.class)
                .setParameter("id", commentId.get())
                .setParameter("approved", CommentStatus.APPROVED)
                .setParameter("indexes", authorIndexes)
                .getResultList().isEmpty();
    }

    /** Messages by field name: the draft's constraints, and the name and address when the site requires them. */
    Map<String, String> fieldErrors(CommentDraft draft, RuleSettings rules) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (rules.requireNameAndEmail() && draft.getAuthor() == null) {
            errors.put("author", "Please enter your name.");
        }
        if (rules.requireNameAndEmail() && draft.getEmail() == null) {
            errors.put("email", "Please enter your email address.");
        }
        for (ConstraintViolation<CommentDraft> violation : validator.validate(draft)) {
            // the draft's properties are named as the form's fields
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return errors;
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

    /**
     * Same article, same parent, same text, same IP address, not trashed. Never by author or email:
     * the answer would tell anyone whether that address wrote that text.
     */
    private boolean isDuplicate(long articleId, CommentDraft draft, String ipAddress) {
        if (ipAddress == null) {
            return false;
        }
        var query = em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.article.id = :article AND c.ipAddress = :ip"
                        + (draft.getParentId() == null ? " AND c.parentId IS NULL" : " AND c.parentId = :parent")
                        + " AND c.body = :body AND c.status <> :trash", Long.class);
        if (draft.getParentId() != null) {
            query.setParameter("parent", draft.getParentId());
        }
        return query.setParameter("article", articleId)
                .setParameter("ip", ipAddress)
                .setParameter("body", draft.getComment())
                .setParameter("trash", CommentStatus.TRASH)
                .getSingleResult() > 0;
    }

    /** The newest comment from this IP address (never by email, for the same reason). */
    private Optional<Instant> lastCommentFrom(String ipAddress) {
        return ipAddress == null ? Optional.empty()
                : Optional.ofNullable(em.createQuery("SELECT MAX(c.createdAt) FROM Comment c WHERE c.ipAddress = :ip", Instant.class)
                        .setParameter("ip", ipAddress).getSingleResult());
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

    /**
     * What the article page's ETag and Last-Modified are made of, in one aggregate query over the
     * approved comments only: a held or spam comment arriving, or moderated out of sight, changes nothing
     * a reader can see, so it must not change the validators either.
     */
    public CommentsState stateOf(long articleId) {
        Object[] row = em.createQuery("SELECT COUNT(c), SUM(c.version), MAX(c.id), MAX(c.createdAt), MAX(c.statusChangedAt),"
                        + " MAX(c.editedAt) FROM Comment c WHERE c.article.id = :article AND c.status = :approved", Object[].class)
                .setParameter("article", articleId)
                .setParameter("approved", CommentStatus.APPROVED)
                .getSingleResult();
        Instant last = latest(latest((Instant) row[3], (Instant) row[4]), (Instant) row[5]);
        return new CommentsState((Long) row[0], row[1] == null ? 0 : ((Number) row[1]).longValue(),
                row[2] == null ? 0 : (Long) row[2], last);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
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
