package org.moderato.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.moderato.account.Role;

/**
 * The figures DSA Art. 15 and 24 ask a transparency report for, counted for any period (days, UTC) from
 * the report and decision rows: notices and reports received by kind, decisions by outcome and ground,
 * automated or human, the median time from the first report to the decision, and complaints with their
 * outcomes.
 */
@Stateless
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
public class TransparencyReport {

    @PersistenceContext
    EntityManager em;

    /** The figures of one period; {@code medianHoursToDecision} null when no human decision was taken. */
    public record Figures(LocalDate from, LocalDate to, Map<ReportReason, Long> reportsByReason, long notices,
                          Map<DecisionOutcome, Long> decisionsByOutcome, long byLaw, long byTerms, long automated, long human,
                          Double medianHoursToDecision, long complaints, long complaintsReversed, long complaintsUpheld,
                          long complaintsOpen) {

        public long reports() {
            return reportsByReason.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Every figure as a row of the CSV: section, item, value. */
        public List<List<String>> rows() {
            List<List<String>> rows = new java.util.ArrayList<>();
            rows.add(List.of("period", "from", from.toString()));
            rows.add(List.of("period", "to", to.toString()));
            reportsByReason.forEach((reason, count) -> rows.add(List.of("reports received", reason.shortName(), Long.toString(count))));
            rows.add(List.of("notices received", "illegal content", Long.toString(notices)));
            decisionsByOutcome.forEach((outcome, count) -> rows.add(List.of("decisions", outcome.label(), Long.toString(count))));
            rows.add(List.of("removals by ground", "law", Long.toString(byLaw)));
            rows.add(List.of("removals by ground", "site terms", Long.toString(byTerms)));
            rows.add(List.of("means", "automated", Long.toString(automated)));
            rows.add(List.of("means", "human", Long.toString(human)));
            rows.add(List.of("time to decision", "median hours (human decisions)",
                    medianHoursToDecision == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", medianHoursToDecision)));
            rows.add(List.of("complaints", "received", Long.toString(complaints)));
            rows.add(List.of("complaints", "decision reversed", Long.toString(complaintsReversed)));
            rows.add(List.of("complaints", "decision upheld", Long.toString(complaintsUpheld)));
            rows.add(List.of("complaints", "waiting", Long.toString(complaintsOpen)));
            return rows;
        }
    }

    /** From the start of {@code from} to the end of {@code to}, both UTC days. */
    public Figures figures(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<ReportReason, Long> byReason = new EnumMap<>(ReportReason.class);
        for (ReportReason reason : ReportReason.values()) {
            byReason.put(reason, 0L);
        }
        for (Object[] row : em.createQuery("SELECT r.reason, COUNT(r) FROM Report r WHERE r.createdAt >= :start AND r.createdAt < :end"
                + " GROUP BY r.reason", Object[].class).setParameter("start", start).setParameter("end", end).getResultList()) {
            byReason.put((ReportReason) row[0], (Long) row[1]);
        }
        List<ReportDecision> decided = em.createQuery("SELECT d FROM ReportDecision d WHERE d.decidedAt >= :start AND d.decidedAt < :end",
                ReportDecision.class).setParameter("start", start).setParameter("end", end).getResultList();
        Map<DecisionOutcome, Long> byOutcome = new EnumMap<>(DecisionOutcome.class);
        for (DecisionOutcome outcome : DecisionOutcome.values()) {
            byOutcome.put(outcome, decided.stream().filter(d -> d.getOutcome() == outcome).count());
        }
        long law = decided.stream().filter(d -> d.getOutcome().isRemoval() && StatementOfReasons.LAW.equals(d.getGroundKind())).count();
        long terms = decided.stream().filter(d -> d.getOutcome().isRemoval() && StatementOfReasons.TERMS.equals(d.getGroundKind())).count();
        long automated = decided.stream().filter(ReportDecision::isAutomated).count();
        List<Long> waits = decided.stream().filter(d -> !d.isAutomated())
                .map(d -> Duration.between(d.getFirstReportAt(), d.getDecidedAt()).toSeconds()).sorted().toList();
        List<ReportDecision> contested = em.createQuery("SELECT d FROM ReportDecision d WHERE d.contestedAt >= :start AND d.contestedAt < :end",
                ReportDecision.class).setParameter("start", start).setParameter("end", end).getResultList();
        return new Figures(from, to, byReason, byReason.get(ReportReason.ILLEGAL), byOutcome, law, terms, automated,
                decided.size() - automated, median(waits),
                contested.size(),
                contested.stream().filter(d -> ReportDecision.CONTEST_UPHELD.equals(d.getContestOutcome())).count(),
                contested.stream().filter(d -> ReportDecision.CONTEST_REJECTED.equals(d.getContestOutcome())).count(),
                contested.stream().filter(d -> d.getContestOutcome() == null).count());
    }

    /** The median of sorted seconds, in hours; null for none. */
    static Double median(List<Long> sortedSeconds) {
        if (sortedSeconds.isEmpty()) {
            return null;
        }
        int n = sortedSeconds.size();
        double seconds = n % 2 == 1 ? sortedSeconds.get(n / 2) : (sortedSeconds.get(n / 2 - 1) + sortedSeconds.get(n / 2)) / 2.0;
        return seconds / 3600.0;
    }
}
