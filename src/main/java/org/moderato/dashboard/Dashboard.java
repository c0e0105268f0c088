package org.moderato.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.moderato.account.Role;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.CommentTotals;
import org.moderato.comment.CommentWriter;
import org.moderato.comment.OwnComments;
import org.moderato.report.ReportService;

/** The figures of the dashboard, each in one or two grouped queries (never a row per comment). */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class Dashboard {

    public static final int DAYS = 30;
    /** Decisions the median is taken over: the most recent ones. */
    static final int MEDIAN_OVER = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    CommentTotals totals;

    @Inject
    ReportService reports;

    /** What became of a comment: how the rules let it in, and where it is now. */
    public enum Outcome {
        APPROVED_AT_ONCE("approved at once"), HELD_THEN_APPROVED("held, then approved"), WAITING("waiting"), SPAM("spam"), TRASHED("trashed");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() { return label; }

        static Outcome of(CommentStatus now, CommentStatus first) {
            return switch (now) {
                case APPROVED -> first == CommentStatus.APPROVED ? APPROVED_AT_ONCE : HELD_THEN_APPROVED;
                case PENDING -> WAITING;
                case SPAM -> SPAM;
                case TRASH -> TRASHED;
            };
        }
    }

    /** One day's comments by outcome (UTC days). */
    public record Day(LocalDate date, Map<Outcome, Long> counts) {
        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        public long count(Outcome outcome) {
            return counts.getOrDefault(outcome, 0L);
        }
    }

    public record Count(String name, long count) {}

    public record Figures(List<Day> days, long pending, long reported, Optional<Instant> oldestWaiting, Optional<Duration> medianToDecision,
                          int decisionsMeasured, List<Count> holdReasons, List<Count> actionsPerModerator) {}

    public Figures figures(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1);
        Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Median median = medianToDecision(since);
        return new Figures(perDay(first, today, since), totals.current().getOrDefault(CommentStatus.PENDING, 0L), reports.waiting(),
                oldestWaiting(), median.value(), median.over(), holdReasons(since), actionsPerModerator(since));
    }

    private List<Day> perDay(LocalDate first, LocalDate today, Instant since) {
        // the first history row of a comment is how the rules (or an import, or a staff reply) let it in
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(c.created_at AS DATE), c.status, e.to_status, COUNT(*) FROM comments c"
                        + " JOIN moderation_events e ON e.comment_id = c.id AND e.from_status IS NULL"
                        + " WHERE c.created_at >= ? GROUP BY CAST(c.created_at AS DATE), c.status, e.to_status")
                .setParameter(1, Timestamp.from(since)).getResultList();
        Map<LocalDate, Map<Outcome, Long>> byDay = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            byDay.put(d, new LinkedHashMap<>());
        }
        for (Object[] row : rows) {
            LocalDate date = row[0] instanceof Date sql ? sql.toLocalDate() : LocalDate.parse(row[0].toString().substring(0, 10));
            Outcome outcome = Outcome.of(CommentStatus.valueOf((String) row[1]), CommentStatus.valueOf((String) row[2]));
            byDay.computeIfAbsent(date, d -> new LinkedHashMap<>()).merge(outcome, ((Number) row[3]).longValue(), Long::sum);
        }
        return byDay.entrySet().stream().filter(e -> !e.getKey().isBefore(first)).map(e -> new Day(e.getKey(), e.getValue())).toList();
    }

    private Optional<Instant> oldestWaiting() {
        return Optional.ofNullable(em.createQuery("SELECT MIN(c.createdAt) FROM Comment c WHERE c.status = :pending", Instant.class)
                .setParameter("pending", CommentStatus.PENDING).getSingleResult());
    }

    private record Median(Optional<Duration> value, int over) {}

    /** From a comment's arrival to a moderator's first move of it out of Pending, over the latest decisions. */
    private Median medianToDecision(Instant since) {
        List<Object[]> rows = em.createQuery("SELECT c.createdAt, e.occurredAt FROM ModerationEvent e, Comment c WHERE c.id = e.commentId"
                        + " AND e.fromStatus = :pending AND e.occurredAt >= :since AND e.actor NOT IN :machines ORDER BY e.id DESC", Object[].class)
                .setParameter("pending", CommentStatus.PENDING).setParameter("since", since).setParameter("machines", MACHINES)
                .setMaxResults(MEDIAN_OVER).getResultList();
        if (rows.isEmpty()) {
            return new Median(Optional.empty(), 0);
        }
        long[] seconds = rows.stream().mapToLong(r -> Math.max(0, Duration.between((Instant) r[0], (Instant) r[1]).toSeconds())).sorted().toArray();
        int mid = seconds.length / 2;
        return new Median(Optional.of(Duration.ofSeconds(seconds.length % 2 == 1 ? seconds[mid] : (seconds[mid - 1] + seconds[mid]) / 2)),
                rows.size());
    }

    /** Not moderators: the rules, imports and an author's own edits. */
    static final List<String> MACHINES = List.of(CommentWriter.RULES, "import", OwnComments.AUTHOR);

    /** The reasons the rules gave for holding, numbers left out ("held: 3 links, limit 2" counts as "held: N links, limit N"). */
    private List<Count> holdReasons(Instant since) {
        List<String> notes = em.createQuery("SELECT e.note FROM ModerationEvent e WHERE e.fromStatus IS NULL AND e.toStatus = :pending"
                        + " AND e.occurredAt >= :since AND e.note IS NOT NULL", String.class)
                .setParameter("pending", CommentStatus.PENDING).setParameter("since", since).setMaxResults(20_000).getResultList();
        Map<String, Long> counted = notes.stream()
                .flatMap(note -> Arrays.stream(note.split("; ")))
                .filter(reason -> reason.startsWith("held: "))
                .map(Dashboard::kindOf)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return top(counted, 8);
    }

    static String kindOf(String reason) {
        // words quoted from the comment or a list make each reason unique: keep what kind of reason it is
        String kind = reason.replaceAll("'[^']*'", "'…'").replaceAll("\\d+(\\.\\d+)?", "N");
        return kind.length() > 80 ? kind.substring(0, 79) + "…" : kind;
    }

    private List<Count> actionsPerModerator(Instant since) {
        List<Object[]> rows = em.createQuery("SELECT e.actor, COUNT(e) FROM ModerationEvent e WHERE e.occurredAt >= :since"
                        + " AND e.fromStatus IS NOT NULL AND e.actor NOT IN :machines GROUP BY e.actor", Object[].class)
                .setParameter("since", since).setParameter("machines", MACHINES).getResultList();
        Map<String, Long> counted = new LinkedHashMap<>();
        rows.forEach(r -> counted.put((String) r[0], ((Number) r[1]).longValue()));
        return top(counted, 20);
    }

    private static List<Count> top(Map<String, Long> counted, int n) {
        List<Count> list = new ArrayList<>();
        counted.forEach((name, count) -> list.add(new Count(name, count)));
        list.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::name));
        return list.size() > n ? List.copyOf(list.subList(0, n)) : list;
    }
}
