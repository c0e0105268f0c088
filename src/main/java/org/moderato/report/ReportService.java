package org.moderato.report;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.moderato.platform.ReaderTexts;
import org.moderato.platform.SqlConflicts;
import org.moderato.account.Role;
import org.moderato.comment.Comment;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.CommentWriter;
import org.moderato.comment.SubmittedText;
import org.moderato.moderation.ModerationAction;
import org.moderato.moderation.ModerationRefused;
import org.moderato.moderation.ModerationService;
import org.moderato.privacy.EmailVault;
import org.moderato.rules.FormToken;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.RuleStore;
import org.moderato.rules.SpentFormTokens;

/**
 * Readers' reports in, moderators' decisions out. A report is checked as a comment is (fields, the
 * single-use signed form token and honeypot, a flood limit), stored once per reader, and counted: the
 * threshold's reports from different readers send a published comment back to the queue through
 * {@link CommentWriter#holdForReview}. Decisions move the comment only through {@link ModerationService}
 * (its row lock and version check) and close the reports they decided on, so those never count again.
 */
@Stateless
public class ReportService {

    /** Reports one client address may send in {@link #FLOOD_WINDOW}: far above a person's, far below a script's. */
    public static final int FLOOD_MAX = 30;
    public static final Duration FLOOD_WINDOW = Duration.ofHours(1);
    /** The actor of the history row the threshold writes. */
    public static final String ACTOR = "reports";
    /** The actor of the history row an author's complaint writes. */
    public static final String AUTHOR = "author's complaint";
    /** Rows of the Reported view: one page, the most urgent first. */
    public static final int VIEW_SIZE = 50;
    public static final int CONTEST_MAX = 1000;
    public static final int EXPLANATION_MAX = 1000;

    private static final ReaderTexts.Words ENGLISH = ReaderTexts.words(Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @PersistenceContext
    EntityManager em;

    @Inject
    FormToken formTokens;

    @Inject
    RuleStore ruleStore;

    @Inject
    EmailVault emailVault;

    @Inject
    ReaderKeys readerKeys;

    @Inject
    ReportLinks links;

    @Inject
    CommentWriter writer;

    @Inject
    ModerationService moderation;

    @Inject
    Event<NoticeReceived> notices;

    @Inject
    Event<ReportDecided> decisions;

    @Inject
    Event<CommentReported> reported;

    @Resource
    SessionContext context;

    @Inject
    SpentFormTokens spentTokens;

    /** What the report page shows of the comment; only a published comment of a visible article can be reported. */
    public record Reportable(long commentId, long articleId, String articleSlug, String articleTitle, String authorName,
                             String body, Instant createdAt) {}

    /** A stored report: the article to go back to, and a notice's acknowledgement page (or null). */
    public record Submitted(long reportId, String articleSlug, String acknowledgementPath) {}

    /** A decision taken: the author's statement of reasons, when there is one. */
    public record Decided(long decisionId, String statementPath) {}

    @PermitAll
    public Optional<Reportable> reportable(long commentId) {
        Instant now = Instant.now();
        return em.createQuery("SELECT c FROM Comment c JOIN FETCH c.article WHERE c.id = :id AND c.status = :approved", Comment.class)
                .setParameter("id", commentId).setParameter("approved", CommentStatus.APPROVED)
                .getResultStream().findFirst()
                .filter(c -> c.getArticle().isVisibleAt(now))
                .map(c -> new Reportable(c.getId(), c.getArticle().getId(), c.getArticle().getSlug(), c.getArticle().getTitle(),
                        c.getAuthorName(), c.getBody(), c.getCreatedAt()));
    }

    /**
     * Stores a reader's report or throws {@link ReportRefused} (nothing stored but the spent form token).
     * The answer never depends on the reported comment's author (whether they left an address, who they are).
     */
    @PermitAll
    public Submitted submit(long commentId, ReportDraft draft, String clientIp) {
        Map<String, String> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new ReportRefused(ReportMessages.FIELDS_INVALID, 400, problems);
        }
        RuleSettings rules = ruleStore.current();
        Instant now = Instant.now();
        Comment comment = em.find(Comment.class, commentId, LockModeType.PESSIMISTIC_WRITE);
        if (comment == null || comment.getStatus() != CommentStatus.APPROVED || !comment.getArticle().isVisibleAt(now)) {
            throw new ReportRefused(ReportMessages.NO_SUCH_COMMENT, 404);
        }
        long articleId = comment.getArticle().getId();
        String slug = comment.getArticle().getSlug();
        if (!spentTokens.spend(draft.formToken(), now.plus(Duration.ofHours(rules.formMaxHours())))) {
            throw new ReportRefused(ReportMessages.BOT, 403);
        }
        boolean bot = draft.honeypot() != null && !draft.honeypot().isBlank()
                || formTokens.problem(draft.formToken(), articleId, now, Duration.ofSeconds(rules.formMinSeconds()),
                        Duration.ofHours(rules.formMaxHours())).isPresent();
        if (bot) {
            throw new ReportRefused(ReportMessages.BOT, 403);
        }
        String clientKey = readerKeys.client(clientIp);
        long recent = em.createQuery("SELECT COUNT(r) FROM Report r WHERE r.clientKey = :client AND r.createdAt > :since", Long.class)
                .setParameter("client", clientKey).setParameter("since", now.minus(FLOOD_WINDOW)).getSingleResult();
        if (recent >= FLOOD_MAX) {
            throw new ReportRefused(ReportMessages.TOO_MANY, 429);
        }
        String readerKey = readerKeys.reader(draft.readerAddress(), clientIp);
        long already = em.createQuery("SELECT COUNT(r) FROM Report r WHERE r.commentId = :comment AND r.readerKey = :reader", Long.class)
                .setParameter("comment", commentId).setParameter("reader", readerKey).getSingleResult();
        if (already > 0) {
            throw new ReportRefused(ReportMessages.ALREADY_REPORTED, 409);
        }
        String sealed = draft.isNotice() && draft.notifierEmail() != null ? emailVault.encrypt(draft.notifierEmail()) : null;
        Report report = new Report(commentId, draft, sealed, readerKey, clientKey, now);
        try {
            em.persist(report);
            em.flush();
        } catch (PersistenceException twice) {
            if (!SqlConflicts.isConflict(twice)) {
                throw twice;
            }
            context.setRollbackOnly();
            throw new ReportRefused(ReportMessages.ALREADY_REPORTED, 409);
        }
        String acknowledgement = null;
        if (draft.isNotice()) {
            acknowledgement = links.noticePath(report.getId());
            notices.fire(new NoticeReceived(report.getId(), commentId, report.getLaw(), sealed, acknowledgement));
        }
        List<Report> open = openReports(List.of(commentId));
        reported.fire(new CommentReported(commentId, articleId, report.getReason().shortName(), open.size()));
        holdWhenThresholdReached(comment, open, rules, now);
        return new Submitted(report.getId(), slug, acknowledgement);
    }

    /** {@code open}: the comment's open reports, the new one included. */
    private void holdWhenThresholdReached(Comment comment, List<Report> open, RuleSettings rules, Instant now) {
        if (open.size() < rules.reportThreshold()) {
            return;
        }
        List<ReportReason> reasons = open.stream().map(Report::getReason).toList();
        writer.holdForReview(comment, ACTOR, now, ReportSummary.holdReason(reasons));
        em.persist(new ReportDecision(comment.getId(), DecisionOutcome.HELD, true, reasons.contains(ReportReason.ILLEGAL), null, null,
                null, facts(open), ACTOR, now, firstAt(open)));
    }

    // ---- the moderators' side ----

    /** Comments with open reports or a contested removal: notices first, then contested, then by number of reports and age. */
    @RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
    public List<ReportedComment> reported() {
        Set<Long> ids = new LinkedHashSet<>(em.createQuery(
                "SELECT DISTINCT r.commentId FROM Report r WHERE r.decisionId IS NULL", Long.class).getResultList());
        Map<Long, String> contested = new LinkedHashMap<>();
        em.createQuery("SELECT d FROM ReportDecision d WHERE d.contestedAt IS NOT NULL AND d.contestOutcome IS NULL", ReportDecision.class)
                .getResultList().forEach(d -> contested.put(d.getCommentId(), d.getContestText()));
        ids.addAll(contested.keySet());
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Report>> reports = openReports(ids).stream().collect(Collectors.groupingBy(Report::getCommentId));
        List<ReportedComment> rows = new ArrayList<>();
        for (Comment c : em.createQuery("SELECT c FROM Comment c JOIN FETCH c.article WHERE c.id IN :ids", Comment.class)
                .setParameter("ids", ids).getResultList()) {
            List<Report> open = reports.getOrDefault(c.getId(), List.of());
            List<ReportedComment.Line> lines = open.stream().map(r -> new ReportedComment.Line(r.getReason(), r.getNote(), r.getLaw(),
                    r.getExplanation(), r.getNotifierName(), r.getCreatedAt())).toList();
            rows.add(new ReportedComment(c.getId(), c.getVersion(), c.getStatus(), c.getAuthorName(), c.getArticle().getSlug(),
                    c.getArticle().getTitle(), c.getBody(), c.getCreatedAt(), lines,
                    open.stream().anyMatch(r -> r.getReason().isNotice()), contested.get(c.getId()),
                    open.isEmpty() ? c.getCreatedAt() : firstAt(open)));
        }
        rows.sort(Comparator.comparing((ReportedComment r) -> !r.notice())
                .thenComparing(r -> !r.contested())
                .thenComparing(r -> -r.reports().size())
                .thenComparing(ReportedComment::firstReportAt));
        return rows.size() > VIEW_SIZE ? List.copyOf(rows.subList(0, VIEW_SIZE)) : rows;
    }

    /** The number on the Reported tab: comments (still there) waiting for a decision on reports or a complaint. */
    @RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
    public long waiting() {
        Set<Long> ids = waitingIds();
        return ids.isEmpty() ? 0 : em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.id IN :ids", Long.class)
                .setParameter("ids", ids).getSingleResult();
    }

    private Set<Long> waitingIds() {
        Set<Long> ids = new LinkedHashSet<>(em.createQuery(
                "SELECT DISTINCT r.commentId FROM Report r WHERE r.decisionId IS NULL", Long.class).getResultList());
        ids.addAll(em.createQuery("SELECT d.commentId FROM ReportDecision d WHERE d.contestedAt IS NOT NULL AND d.contestOutcome IS NULL",
                Long.class).getResultList());
        return ids;
    }

    /**
     * Keeps the comment: a held or contested one is approved again, and its reports are closed for good, so
     * the same reports never send it back. Refused, as every desk action is, when it changed since it was seen.
     */
    @RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
    public Decided dismiss(ModerationService.Target target) {
        Comment comment = moderation.lockUnchanged(target);
        // the history row first: the last row stays the move, which is what a moderator with an older page is told about
        writer.recordDecision(comment, actor(), Instant.now(), "reports dismissed: " + ReportSummary.of(reasonsOf(comment)));
        if (comment.getStatus() == CommentStatus.PENDING) {
            move(ModerationAction.APPROVE, target);
        }
        return decide(comment, DecisionOutcome.DISMISSED, null, null, null);
    }

    /** Removes the comment (trash, or spam) on a ground from the list, with the moderator's words; makes the statement of reasons. */
    @RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
    public Decided remove(ModerationService.Target target, DecisionOutcome outcome, String groundKey, String explanation) {
        if (!outcome.isRemoval()) {
            throw new ModerationRefused("Choose trash or spam.");
        }
        RemovalGround ground = RemovalGround.fromKey(groundKey).orElse(outcome == DecisionOutcome.SPAM ? RemovalGround.SPAM : null);
        if (ground == null) {
            throw new ModerationRefused("Choose the ground of the removal from the list.");
        }
        String words = SubmittedText.cleanText(explanation);
        words = words == null || words.isEmpty() ? null : words;
        if (words != null && words.length() > EXPLANATION_MAX) {
            throw new ModerationRefused("Please keep the explanation to 1,000 characters.");
        }
        Comment comment = moderation.lockUnchanged(target);
        writer.recordDecision(comment, actor(), Instant.now(), (outcome == DecisionOutcome.SPAM ? "removed as spam after " : "removed after ")
                + ReportSummary.of(reasonsOf(comment)) + "; ground: " + ground.label());
        CommentStatus to = outcome == DecisionOutcome.SPAM ? CommentStatus.SPAM : CommentStatus.TRASH;
        if (comment.getStatus() != to) {
            move(outcome == DecisionOutcome.SPAM ? ModerationAction.SPAM : ModerationAction.TRASH, target);
        }
        String groundText = ground.label();
        if (ground.isLaw()) {
            String laws = openReports(List.of(comment.getId())).stream().map(Report::getLaw).filter(Objects::nonNull).distinct()
                    .collect(Collectors.joining("; "));
            groundText = laws.isEmpty() ? ENGLISH.text("statement.illegal") : ENGLISH.text("statement.illegalUnder", laws);
        }
        return decide(comment, outcome, ground.isLaw() ? StatementOfReasons.LAW : StatementOfReasons.TERMS, groundText, words);
    }

    private List<ReportReason> reasonsOf(Comment comment) {
        return openReports(List.of(comment.getId())).stream().map(Report::getReason).toList();
    }

    private String actor() {
        return context.getCallerPrincipal().getName();
    }

    private void move(ModerationAction action, ModerationService.Target target) {
        ModerationService.Outcome outcome = moderation.apply(action, List.of(target));
        if (!outcome.refused().isEmpty()) {
            throw new ModerationRefused(outcome.refused().get(0));
        }
    }

    private Decided decide(Comment comment, DecisionOutcome outcome, String groundKind, String ground, String explanation) {
        Instant now = Instant.now();
        String actor = actor();
        List<Report> open = openReports(List.of(comment.getId()));
        List<ReportDecision> earlier = em.createQuery("SELECT d FROM ReportDecision d WHERE d.commentId = :id ORDER BY d.id",
                ReportDecision.class).setParameter("id", comment.getId()).getResultList();
        earlier.forEach(d -> d.reviewed(outcome == DecisionOutcome.DISMISSED, now));
        boolean notice = open.stream().anyMatch(r -> r.getReason().isNotice());
        String facts = facts(open);
        Instant first = open.isEmpty() ? earlier.stream().map(ReportDecision::getFirstReportAt).findFirst().orElse(now) : firstAt(open);
        ReportDecision decision = new ReportDecision(comment.getId(), outcome, false, notice, groundKind, ground, explanation, facts,
                actor, now, first);
        em.persist(decision);
        em.flush();
        open.forEach(r -> r.closeWith(decision.getId()));
        String statement = outcome.isRemoval() ? links.statementPath(decision.getId()) : null;
        List<String> notifiers = open.stream().map(Report::getNotifierEmail).filter(Objects::nonNull).toList();
        decisions.fire(new ReportDecided(decision.getId(), comment.getId(), outcome, statement, notifiers));
        return new Decided(decision.getId(), statement);
    }

    private List<Report> openReports(java.util.Collection<Long> commentIds) {
        return em.createQuery("SELECT r FROM Report r WHERE r.commentId IN :ids AND r.decisionId IS NULL ORDER BY r.id", Report.class)
                .setParameter("ids", commentIds).getResultList();
    }

    private static Instant firstAt(List<Report> reports) {
        return reports.stream().map(Report::getCreatedAt).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** The facts a decision rested on, in words: how many reports, why, when; the laws a notice cited. Never who. */
    static String facts(List<Report> reports) {
        return facts(reports, ENGLISH, WHEN::format);
    }

    /** The same facts in a reader's language ({@code when} writes a moment as that language does). */
    public static String facts(List<Report> reports, ReaderTexts.Words words, Function<Instant, String> when) {
        if (reports.isEmpty()) {
            return words.text("statement.reviewedAgain");
        }
        String summary = ReportSummary.of(reports.stream().map(Report::getReason).toList(), words);
        Instant first = firstAt(reports);
        Instant last = reports.stream().map(Report::getCreatedAt).max(Comparator.naturalOrder()).orElseThrow();
        String from = summary.substring(0, 1).toUpperCase(Locale.ROOT) + summary.substring(1);
        StringBuilder facts = new StringBuilder(first.equals(last) ? words.text("statement.factsOn", from, when.apply(first))
                : words.text("statement.factsBetween", from, when.apply(first), when.apply(last)));
        reports.stream().map(Report::getLaw).filter(Objects::nonNull).distinct()
                .forEach(law -> facts.append(' ').append(words.text("statement.cited", law)));
        return facts.toString();
    }

    // ---- the author's and the notifier's pages (signed links, no session) ----

    /**
     * What the author's statement page shows: the decision, the reports it closed (for the facts in the
     * reader's language; never who sent them), the comment.
     */
    public record StatementView(ReportDecision decision, List<Report> reports, String commentBody, String articleTitle,
                                String articleSlug) {}

    @PermitAll
    public Optional<StatementView> statement(long decisionId, String signature) {
        if (!links.isStatementSigned(decisionId, signature)) {
            return Optional.empty();
        }
        ReportDecision decision = em.find(ReportDecision.class, decisionId);
        if (decision == null || !decision.getOutcome().isRemoval()) {
            return Optional.empty();
        }
        Comment comment = em.find(Comment.class, decision.getCommentId());
        List<Report> closed = em.createQuery("SELECT r FROM Report r WHERE r.decisionId = :id ORDER BY r.id", Report.class)
                .setParameter("id", decisionId).getResultList();
        return Optional.of(new StatementView(decision, closed, comment == null ? null : comment.getBody(),
                comment == null ? null : comment.getArticle().getTitle(), comment == null ? null : comment.getArticle().getSlug()));
    }

    /** The author's internal complaint (DSA Art. 20), once: the comment goes back to the queue, marked contested. */
    @PermitAll
    public void contest(long decisionId, String signature, String text) {
        if (!links.isStatementSigned(decisionId, signature)) {
            throw new ReportRefused(ReportMessages.BAD_LINK, 404);
        }
        String complaint = SubmittedText.cleanText(text);
        if (complaint == null || complaint.isEmpty()) {
            throw new ReportRefused(ReportMessages.CONTEST_REQUIRED, 400, Map.of("complaint", ReportMessages.CONTEST_REQUIRED));
        }
        if (complaint.codePointCount(0, complaint.length()) > CONTEST_MAX) {
            throw new ReportRefused(ReportMessages.CONTEST_TOO_LONG, 400, Map.of("complaint", ReportMessages.CONTEST_TOO_LONG));
        }
        ReportDecision decision = em.find(ReportDecision.class, decisionId, LockModeType.PESSIMISTIC_WRITE);
        if (decision == null) {
            throw new ReportRefused(ReportMessages.BAD_LINK, 404);
        }
        Comment comment = em.find(Comment.class, decision.getCommentId(), LockModeType.PESSIMISTIC_WRITE);
        if (comment == null) {
            throw new ReportRefused(ReportMessages.CONTEST_GONE, 410);
        }
        Instant now = Instant.now();
        decision.contest(complaint, now);
        if (comment.getStatus() == CommentStatus.TRASH || comment.getStatus() == CommentStatus.SPAM) {
            String excerpt = complaint.length() > 200 ? complaint.substring(0, 200) + "…" : complaint;
            writer.holdForReview(comment, AUTHOR, now, "contested: the author asks for a review of the removal: " + excerpt);
        }
    }

    /** What a notifier's acknowledgement page shows: when the notice came, and the decision once there is one. */
    public record NoticeView(Report report, ReportDecision decision) {}

    @PermitAll
    public Optional<NoticeView> notice(long reportId, String signature) {
        if (!links.isNoticeSigned(reportId, signature)) {
            return Optional.empty();
        }
        Report report = em.find(Report.class, reportId);
        if (report == null || !report.getReason().isNotice()) {
            return Optional.empty();
        }
        return Optional.of(new NoticeView(report, report.getDecisionId() == null ? null : em.find(ReportDecision.class, report.getDecisionId())));
    }
}
