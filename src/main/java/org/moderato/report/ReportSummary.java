package org.moderato.report;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.moderato.platform.ReaderTexts;

/**
 * The reasons of a comment's reports in one line, most frequent first, ties in the form's order:
 * "3 reports (harassment ×2, spam)". Pure: the threshold's hold reason and the desk's rows use it in
 * English, the author's statement of reasons in the reader's language.
 */
public final class ReportSummary {

    private static final ReaderTexts.Words ENGLISH = ReaderTexts.words(Locale.ENGLISH);

    private ReportSummary() {}

    public static String of(Collection<ReportReason> reasons) {
        return of(reasons, ENGLISH);
    }

    public static String of(Collection<ReportReason> reasons, ReaderTexts.Words words) {
        Map<ReportReason, Long> counts = new EnumMap<>(ReportReason.class);
        reasons.forEach(r -> counts.merge(r, 1L, Long::sum));
        List<String> parts = counts.entrySet().stream()
                .sorted(Map.Entry.<ReportReason, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey().shortName(words) + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
                .toList();
        int total = reasons.size();
        if (total == 0) {
            return words.text("summary.none");
        }
        String list = parts.stream().collect(Collectors.joining(", "));
        return total == 1 ? words.text("summary.one", list) : words.text("summary.other", total, list);
    }

    /** The reason a comment waits in the queue after the threshold was reached. */
    public static String holdReason(Collection<ReportReason> reasons) {
        return "held: " + of(reasons);
    }
}
