package org.moderato.report.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.moderato.report.TransparencyReport;

/**
 * {@code /moderation-transparency?from=YYYY-MM-DD&to=YYYY-MM-DD}: the DSA transparency figures for a
 * period (this calendar year by default), a bar chart drawn here as SVG with the same figures in a
 * table under it, and the CSV at {@code /moderation-transparency.csv} with the same query.
 */
@Named
@RequestScoped
public class TransparencyPage {

    @Inject
    TransparencyReport report;

    @Inject
    HttpServletRequest request;

    private TransparencyReport.Figures figures;
    private String problem;

    /** One bar of the chart: its label, value and geometry (all numbers, nothing typed by anyone). */
    public record Bar(String key, String label, long value, int y, int width) {}

    @PostConstruct
    void load() {
        Period period = Period.of(request.getParameter("from"), request.getParameter("to"));
        problem = period.problem();
        figures = report.figures(period.from(), period.to());
    }

    /** A period from the query, this year when absent; a bad date or order falls back with a message. */
    record Period(LocalDate from, LocalDate to, String problem) {
        static Period of(String fromText, String toText) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate defaultFrom = today.withDayOfYear(1);
            LocalDate defaultTo = defaultFrom.plusYears(1).minusDays(1);
            try {
                LocalDate from = fromText == null || fromText.isBlank() ? defaultFrom : LocalDate.parse(fromText.strip());
                LocalDate to = toText == null || toText.isBlank() ? defaultTo : LocalDate.parse(toText.strip());
                if (to.isBefore(from) || from.getYear() < 2000 || to.getYear() > 2100) {
                    return new Period(defaultFrom, defaultTo, "The period must run forward, between the years 2000 and 2100; showing this year.");
                }
                return new Period(from, to, null);
            } catch (DateTimeParseException e) {
                return new Period(defaultFrom, defaultTo, "Enter dates as YYYY-MM-DD; showing this year.");
            }
        }
    }

    public TransparencyReport.Figures getFigures() { return figures; }
    public String getProblem() { return problem; }

    /** This year and the two before it, for the yearly reports Art. 15 asks for. */
    public List<Integer> getYears() {
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        return List.of(year - 2, year - 1, year);
    }

    public String getCsvUrl() {
        return request.getContextPath() + "/moderation-transparency.csv?from=" + figures.from() + "&to=" + figures.to();
    }

    /** Reports received by reason, as bars 0..400 px wide. */
    public List<Bar> getReasonBars() {
        long max = Math.max(1, figures.reportsByReason().values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Map.Entry<org.moderato.report.ReportReason, Long> e : figures.reportsByReason().entrySet()) {
            bars.add(new Bar(e.getKey().key(), e.getKey().shortName(), e.getValue(), y, (int) (400 * e.getValue() / max)));
            y += 28;
        }
        return bars;
    }

    /** One row of the decisions table. */
    public record Row(String key, String label, long value) {}

    public List<Row> getDecisionRows() {
        return figures.decisionsByOutcome().entrySet().stream()
                .map(e -> new Row(e.getKey().name().toLowerCase(java.util.Locale.ROOT), e.getKey().label(), e.getValue())).toList();
    }

    public String getMedian() {
        Double hours = figures.medianHoursToDecision();
        return hours == null ? "–" : String.format(java.util.Locale.ROOT, "%.2f h", hours);
    }

    public int getChartHeight() {
        return figures.reportsByReason().size() * 28;
    }
}
