package org.moderato.comment;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.moderato.article.Article;
import org.moderato.article.KeptArticles;
import org.moderato.platform.MailSettings;
import org.moderato.privacy.EmailVault;
import org.moderato.rules.CommentPipeline;
import org.moderato.rules.Decision;
import org.moderato.rules.ReturningCommenter;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.RuleStore;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;
import org.moderato.rules.SpentFormTokens;
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
    KeptArticles articles;

    @Inject
    Validator validator;

    @Inject
    ReturningCommenter returningCommenters;

    @Inject
    MailSettings mail;

    @Inject
    SpentFormTokens spentTokens;

    @Inject
    CommentMetrics metrics;

    @Inject
    ApprovedLists approvedLists;

    /**
     * Stores the comment as the rules decide, or throws {@link CommentRefused}; returns it with the
     * returning-commenter token its author's browser may keep. {@code returningToken}: the one the
     * browser sent, or null.
     */
    public Submitted submit(long articleId, CommentDraft draft, ClientInfo client, String returningToken) {
        try {
            Submitted submitted = store(articleId, draft, client, returningToken);
            metrics.storedOnCommit(submitted.comment().getStatus());
            return submitted;
        } catch (CommentRefused refused) {
            metrics.refused();
            throw refused;
        }
    }

    private Submitted store(long articleId, CommentDraft draft, ClientInfo client, String returningToken) {
        RuleSettings rules = ruleStore.current();
        // every door comes here with the draft as typed: the fields' shapes are checked here, once
        Map<String, String> invalid = fieldErrors(draft, rules);
        if (!invalid.isEmpty()) {
            throw CommentRefused.invalid(invalid);
        }
        Instant now = Instant.now();
        // a draft or a scheduled article does not exist for readers yet
        KeptArticles.Facts article = articles.byId(articleId).filter(a -> a.isVisibleAt(now))
                .orElseThrow(() -> new CommentRefused("This article does not exist.", 404));
        if (!spentTokens.spend(draft.getFormToken(), now.plus(Duration.ofHours(rules.formMaxHours())))) {
            throw new CommentRefused(BotCheck.MESSAGE, 403);
        }
        // the current key's index first; during a key rotation older comments may still carry the previous key's
        List<String> authorIndexes = draft.getEmail() == null ? List.of() : emailVault.lookupIndexes(draft.getEmail());
        Submission submission = new Submission(articleId, draft.getParentId(), draft.getAuthor(), draft.getEmail(),
                draft.getUrl(), draft.getComment(), client.ipAddress(), client.userAgent(), draft.getHoneypot(),
                draft.getFormToken(), client.staff());
        Optional<SubmissionFacts.Parent> parent = parentOf(draft.getParentId());
        AuthorFacts author = authorFacts(authorIndexes, returningCommenters.commentOf(returningToken, authorIndexes));
        SubmissionFacts facts = new SubmissionFacts(now, article.commentsOpen(), article.publishedAt(), parent,
                isDuplicate(articleId, draft, client.ipAddress()), lastCommentFrom(client.ipAddress(), now, rules),
                author.approved(), author.held(), author.returning());

        CommentPipeline.Outcome outcome = pipeline.run(submission, facts, rules);
        if (outcome.refusal().isPresent()) {
            throw new CommentRefused(outcome.refusal().get().message(), outcome.refusal().get().httpStatus());
        }
        Verdict verdict = outcome.verdict();
        EmailVault.Sealed sealed = draft.getEmail() == null ? null : emailVault.seal(draft.getEmail());
        SealedEmail email = sealed == null ? SealedEmail.NONE : new SealedEmail(sealed.ciphertext(), sealed.blindIndex(), sealed.keyId());
        Comment comment = writer.addSubmitted(em.getReference(Article.class, articleId), draft, parent.map(SubmissionFacts.Parent::depth).orElse(0), email, client,
                statusFor(verdict.decision()), verdict.reasons(), now);
        // a token that already names an approved comment stays: the new comment may never be approved
        String keep = sealed == null ? null
                : author.returning() ? returningToken : returningCommenters.issue(comment.getId(), sealed.blindIndex());
        return new Submitted(comment, keep);
    }

    /** The stored comment, and the returning-commenter token for its author's browser (null without an address). */
    public record Submitted(Comment comment, String returningCommenter) {}

    /** What the rules need to know of the author, by their address's blind indexes. */
    record AuthorFacts(long approved, boolean held, boolean returning) {
        static final AuthorFacts UNKNOWN = new AuthorFacts(0, false, false);
    }

    /**
     * In one statement: the author's approved comments (with mail on, only once the address is confirmed),
     * whether they are always held, and whether the comment their returning-commenter token names is
     * approved and theirs.
     */
    private AuthorFacts authorFacts(List<String> indexes, Optional<Long> returningComment) {
        if (indexes.isEmpty()) {
            return AuthorFacts.UNKNOWN;
        }
        String in = String.join(", ", java.util.Collections.nCopies(indexes.size(), "?"));
        // with mail on, an address earns trust only once its owner has confirmed it (mail.Subscriptions' double opt-in)
        String confirmed = mail.isOn() ? " AND email_index IN (SELECT email_index FROM mail_addresses WHERE confirmed_at IS NOT NULL)" : "";
        var query = em.createNativeQuery("SELECT (SELECT COUNT(*) FROM comments WHERE email_index IN (" + in + ") AND status = 'APPROVED'"
                + confirmed + "),"
                + " (SELECT COUNT(*) FROM held_authors WHERE email_index IN (" + in + ")),"
                + " (SELECT COUNT(*) FROM comments WHERE id = ? AND status = 'APPROVED' AND email_index IN (" + in + "))");
        int position = 1;
        for (int round = 0; round < 3; round++) {
            if (round == 2) {
                query.setParameter(position++, returningComment.orElse(-1L));
            }
            for (String index : indexes) {
                query.setParameter(position++, index);
            }
        }
        Object[] row = (Object[]) query.getSingleResult();
        return new AuthorFacts(((Number) row[0]).longValue(), ((Number) row[1]).longValue() > 0, ((Number) row[2]).longValue() > 0);
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
        // Only the article and the text's hash are in the SQL, so the one index that has both is the
        // only one that fits. With the address in the SQL too, (article, ip) fitted as well, and H2
        // at times walked every comment one address (a benchmark, a NAT, a bot) had left on the
        // article: a profile of posting showed a tenth of a post's CPU there. The few rows with the
        // same hash are compared here.
        List<Object[]> sameHash = em.createQuery("SELECT c.ipAddress, c.parentId, c.body, c.status FROM Comment c"
                        + " WHERE c.article.id = :article AND c.bodyHash = :hash", Object[].class)
                .setParameter("article", articleId)
                .setParameter("hash", Comment.hashOf(draft.getComment()))
                .getResultList();
        return sameHash.stream().anyMatch(row -> ipAddress.equals(row[0]) && Objects.equals(draft.getParentId(), row[1])
                && draft.getComment().equals(row[2]) && row[3] != CommentStatus.TRASH);
    }

    /**
     * The newest comment from this IP address within the flood wait (never by email, for the same
     * reason); only that window is read, so an address with many comments costs no more.
     */
    private Optional<Instant> lastCommentFrom(String ipAddress, Instant now, RuleSettings rules) {
        if (ipAddress == null || rules.floodSeconds() == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.createQuery("SELECT MAX(c.createdAt) FROM Comment c WHERE c.ipAddress = :ip AND c.createdAt > :since",
                        Instant.class)
                .setParameter("ip", ipAddress)
                .setParameter("since", now.minusSeconds(rules.floodSeconds()))
                .getSingleResult());
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
        return new CommentsState((Long) row[0], row[1] == null ? 0 : ((Number) row[1]).longValue(),
                row[2] == null ? 0 : (Long) row[2], CommentsState.latest((Instant) row[3], (Instant) row[4], (Instant) row[5]));
    }

    /** An article's approved comments, oldest first, and their fingerprint as {@link #stateOf} gives it. */
    public record Approved(List<PublicComment> comments, CommentsState state) {}

    /**
     * Both from one scan of the article's approved comments (a page rendered for a request that is not
     * conditional needs the two), kept in {@link ApprovedLists} until the article's next public change.
     */
    public Approved approvedWithStateFor(long articleId) {
        return approvedLists.get(articleId, () -> readApproved(articleId));
    }

    private Approved readApproved(long articleId) {
        List<Object[]> rows = em.createQuery(
                        "SELECT c.id, c.parentId, c.authorName, c.website, c.body, c.createdAt, c.staffReply, c.version,"
                                + " c.statusChangedAt, c.editedAt FROM Comment c WHERE c.article.id = :article AND c.status = :approved"
                                + " ORDER BY c.id", Object[].class)
                .setParameter("article", articleId)
                .setParameter("approved", CommentStatus.APPROVED)
                .getResultList();
        List<PublicComment> comments = new ArrayList<>(rows.size());
        CommentsState state = CommentsState.NONE;
        for (Object[] row : rows) {
            PublicComment comment = new PublicComment((Long) row[0], (Long) row[1], (String) row[2], (String) row[3], (String) row[4],
                    (Instant) row[5], (Boolean) row[6]);
            comments.add(comment);
            state = state.plus(comment.id(), ((Number) row[7]).longValue(), comment.createdAt(), (Instant) row[8], (Instant) row[9]);
        }
        return new Approved(comments, state);
    }

    /** Approved comments of an article, oldest first, in one query. */
    public List<PublicComment> approvedFor(long articleId) {
        return approvedWithStateFor(articleId).comments();
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
