package org.moderato.moderation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.moderato.account.Role;
import org.moderato.comment.CommentStatus;
import org.moderato.privacy.EmailVault;
import org.moderato.rules.CommentPipeline;
import org.moderato.rules.Decision;
import org.moderato.rules.Finding;
import org.moderato.rules.HeldAuthor;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;
import org.moderato.rules.Verdict;

/**
 * "What would these rules have done?" Replays the approve / hold / spam checks with unsaved settings
 * over the last comments (trash left out) and compares with where each comment stands now. Trust is
 * judged with today's counts, leaving out the comment's own approval.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class RulesDryRun {

    public static final int SAMPLE = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    CommentPipeline pipeline;

    @Inject
    EmailVault emailVault;

    public record Change(long id, String author, String excerpt, String articleTitle, Decision now, Decision wouldBe, List<String> reasons) {}

    /** Counts per move ("approved → held": 7) in a fixed order, and the comments that would move. */
    public record Result(int examined, Map<String, Integer> moves, List<Change> changes) {}

    public Result replay(RuleSettings rules) {
        List<Object[]> rows = em.createQuery("SELECT c.id, c.authorName, c.emailCiphertext, c.emailIndex, c.website, c.body,"
                        + " c.ipAddress, c.userAgent, c.status, c.parentId, a.id, a.title FROM Comment c JOIN c.article a"
                        + " WHERE c.status <> :trash ORDER BY c.id DESC", Object[].class)
                .setParameter("trash", CommentStatus.TRASH)
                .setMaxResults(SAMPLE)
                .getResultList();
        Map<String, Long> approvedByIndex = approvedCounts(rows);
        Set<String> heldAuthors = heldAuthors(rows);
        Map<String, Integer> moves = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        for (Object[] r : rows) {
            CommentStatus status = (CommentStatus) r[8];
            String index = (String) r[3];
            long approved = index == null ? 0 : approvedByIndex.getOrDefault(index, 0L) - (status == CommentStatus.APPROVED ? 1 : 0);
            Submission submission = new Submission((Long) r[10], (Long) r[9], (String) r[1],
                    emailVault.decrypt((String) r[2]).orElse(null), (String) r[4], (String) r[5], (String) r[6],
                    (String) r[7], null, null, false);
            // replayed as if each author's browser showed its returning-commenter token: the dry run is about settings
            SubmissionFacts facts = new SubmissionFacts(java.time.Instant.now(), true, java.time.Instant.now(),
                    Optional.empty(), false, Optional.empty(), approved, index != null && heldAuthors.contains(index), true);
            List<Finding> findings = pipeline.moderate(submission, facts, rules);
            Verdict verdict = Verdict.combine(findings);
            Decision now = decisionOf(status);
            if (verdict.decision() != now) {
                moves.merge(label(now) + " would be " + label(verdict.decision()), 1, Integer::sum);
                String body = (String) r[5];
                changes.add(new Change((Long) r[0], (String) r[1], body.length() > 120 ? body.substring(0, 117) + "..." : body,
                        (String) r[11], now, verdict.decision(), verdict.reasons()));
            }
        }
        return new Result(rows.size(), moves, changes);
    }

    private Map<String, Long> approvedCounts(List<Object[]> rows) {
        Set<String> indexes = indexes(rows);
        Map<String, Long> counts = new HashMap<>();
        if (!indexes.isEmpty()) {
            em.createQuery("SELECT c.emailIndex, COUNT(c) FROM Comment c WHERE c.status = :approved AND c.emailIndex IN :indexes"
                            + " GROUP BY c.emailIndex", Object[].class)
                    .setParameter("approved", CommentStatus.APPROVED)
                    .setParameter("indexes", indexes)
                    .getResultList()
                    .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        }
        return counts;
    }

    private Set<String> heldAuthors(List<Object[]> rows) {
        return HeldAuthor.among(em, indexes(rows));
    }

    private static Set<String> indexes(List<Object[]> rows) {
        Set<String> indexes = new HashSet<>();
        rows.stream().map(r -> (String) r[3]).filter(i -> i != null).forEach(indexes::add);
        return indexes;
    }

    static Decision decisionOf(CommentStatus status) {
        return switch (status) {
            case APPROVED -> Decision.APPROVE;
            case SPAM -> Decision.SPAM;
            default -> Decision.HOLD;
        };
    }

    private static String label(Decision decision) {
        return switch (decision) {
            case APPROVE -> "approved";
            case HOLD -> "held";
            case SPAM -> "spam";
        };
    }
}
