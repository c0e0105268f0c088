package org.moderato.dashboard;

import java.util.List;
import java.util.Locale;
import org.moderato.platform.Html;

/**
 * Charts as SVG strings, drawn on the server: readable without JavaScript, one {@code <title>} per bar
 * (what a screen reader or a hover says), and always shown above a table of the same figures.
 */
public final class SvgChart {

    /** Colours for the outcomes, distinct for the common kinds of colour blindness (Okabe and Ito's palette). */
    static final String[] COLOURS = {"#009E73", "#56B4E9", "#E69F00", "#D55E00", "#999999"};

    private SvgChart() {}

    /** Days side by side, each bar stacked by outcome in the order of {@link Dashboard.Outcome}. */
    public static String perDay(List<Dashboard.Day> days) {
        int width = 640;
        int height = 180;
        int gap = 2;
        long max = Math.max(1, days.stream().mapToLong(Dashboard.Day::total).max().orElse(1));
        double barWidth = (double) width / Math.max(1, days.size());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height + 20)
                .append("\" role=\"img\" aria-labelledby=\"per-day-title\"><title id=\"per-day-title\">Comments per day for the last ")
                .append(days.size()).append(" days, by outcome (the table below has the figures)</title>");
        for (int i = 0; i < days.size(); i++) {
            Dashboard.Day day = days.get(i);
            double x = i * barWidth;
            double y = height;
            Dashboard.Outcome[] outcomes = Dashboard.Outcome.values();
            for (int o = 0; o < outcomes.length; o++) {
                long count = day.count(outcomes[o]);
                if (count == 0) {
                    continue;
                }
                double h = (double) count * height / max;
                y -= h;
                svg.append("<rect x=\"").append(num(x + gap / 2.0)).append("\" y=\"").append(num(y)).append("\" width=\"")
                        .append(num(Math.max(1, barWidth - gap))).append("\" height=\"").append(num(h)).append("\" fill=\"").append(COLOURS[o])
                        .append("\"><title>").append(day.date()).append(": ").append(count).append(' ').append(outcomes[o].label())
                        .append("</title></rect>");
            }
        }
        svg.append("<line x1=\"0\" y1=\"").append(height).append("\" x2=\"").append(width).append("\" y2=\"").append(height)
                .append("\" stroke=\"#333\"/>");
        svg.append("<text x=\"0\" y=\"").append(height + 16).append("\" font-size=\"12\" fill=\"#333\">").append(days.isEmpty() ? "" : days.get(0).date())
                .append("</text><text x=\"").append(width).append("\" y=\"").append(height + 16)
                .append("\" font-size=\"12\" fill=\"#333\" text-anchor=\"end\">").append(days.isEmpty() ? "" : days.get(days.size() - 1).date())
                .append("</text><text x=\"4\" y=\"14\" font-size=\"12\" fill=\"#333\">").append(max).append("</text></svg>");
        return svg.toString();
    }

    /** One horizontal bar per name, longest first. */
    public static String bars(String title, List<Dashboard.Count> counts) {
        int width = 640;
        int row = 22;
        int labelWidth = 260;
        long max = Math.max(1, counts.stream().mapToLong(Dashboard.Count::count).max().orElse(1));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(width).append(' ')
                .append(Math.max(row, counts.size() * row)).append("\" role=\"img\"><title>").append(Html.escape(title)).append("</title>");
        for (int i = 0; i < counts.size(); i++) {
            Dashboard.Count c = counts.get(i);
            double w = (double) c.count() * (width - labelWidth - 50) / max;
            int y = i * row;
            svg.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"12\" fill=\"#333\">").append(Html.escape(cut(c.name(), 40)))
                    .append("</text><rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(num(Math.max(1, w)))
                    .append("\" height=\"16\" fill=\"").append(COLOURS[1]).append("\"><title>").append(Html.escape(c.name())).append(": ").append(c.count())
                    .append("</title></rect><text x=\"").append(num(labelWidth + w + 6)).append("\" y=\"").append(y + 15)
                    .append("\" font-size=\"12\" fill=\"#333\">").append(c.count()).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
