package org.moderato.report;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reasons of a comment's reports in one line, most frequent first, ties in the form's order:
 * "3 reports (harassment ×2, spam)". Pure: the threshold's hold reason and the desk's rows use it.
 */
public final class ReportSummary {

    private ReportSummary() {}

    public static String of(Collection<ReportReason> reasons) {
        Map<ReportReason, Long> counts = new EnumMap<>(ReportReason.class);
        reasons.forEach(r -> counts.merge(r, 1L, Long::sum));
        List<String> parts = counts.entrySet().stream()
                .sorted(Map.Entry.<ReportReason, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey().shortName() + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
                .toList();
        int total = reasons.size();
        if (total == 0) {
            return "no open reports";
        }
        return total + (total == 1 ? " report" : " reports") + " (" + parts.stream().collect(Collectors.joining(", ")) + ")";
    }

    /** The reason a comment waits in the queue after the threshold was reached. */
    public static String holdReason(Collection<ReportReason> reasons) {
        return "held: " + of(reasons);
    }
}
