package org.moderato.dashboard.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.moderato.dashboard.Dashboard;
import org.moderato.dashboard.SvgChart;
import org.moderato.moderation.Wording;

/** {@code /admin/}: the dashboard's figures, loaded once per request. */
@Named
@RequestScoped
public class DashboardPage {

    @Inject
    Dashboard dashboard;

    private Dashboard.Figures figures;
    private Instant now;

    @PostConstruct
    void load() {
        now = Instant.now();
        figures = dashboard.figures(now);
    }

    public Dashboard.Figures getFigures() { return figures; }
    public List<Dashboard.Outcome> getOutcomes() { return Arrays.asList(Dashboard.Outcome.values()); }
    public String getPerDayChart() { return SvgChart.perDay(figures.days()); }
    public String getHoldReasonsChart() { return SvgChart.bars(staff("dashboard.holdReasonsChart"), figures.holdReasons()); }
    public String getActionsChart() { return SvgChart.bars(staff("dashboard.actionsChart"), figures.actionsPerModerator()); }

    public String getOldestWaiting() {
        return figures.oldestWaiting().map(at -> Wording.ago(at, now)).orElseGet(() -> staff("dashboard.noneWaiting"));
    }

    public String getMedianToDecision() {
        return figures.medianToDecision().map(DashboardPage::duration).orElseGet(() -> staff("dashboard.noDecisions"));
    }

    /** A text of the staff pages' bundle (page variable staff, faces-config.xml), in the view's language. */
    private static String staff(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        return context.getApplication().getResourceBundle(context, "staff").getString(key);
    }

    public long total(Dashboard.Outcome outcome) {
        return figures.days().stream().mapToLong(d -> d.count(outcome)).sum();
    }

    /** "42 s", "7 min", "3 h 10 min", "2 days". */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 48 * 3600) {
            return s / 3600 + " h " + (s % 3600) / 60 + " min";
        }
        return s / 86400 + " days";
    }
}
