package org.moderato.report.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;
import org.moderato.moderation.web.DeskActions;
import org.moderato.report.DecisionOutcome;
import org.moderato.report.RemovalGround;
import org.moderato.report.ReportRefused;
import org.moderato.report.ReportService;
import org.moderato.report.ReportedComment;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * {@code /moderation-reported}: the queue's "Reported" view. Each action is one service call (which
 * checks the version the moderator saw), then a message; a removal's message links to the statement
 * of reasons the author is owed, for the moderator to pass on while mail is not there to send it.
 */
@Named
@ViewScoped
public class ReportDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReportService reports;

    private List<ReportedComment> rows;
    private String lastStatement;

    @PostConstruct
    void load() {
        refresh();
    }

    private void refresh() {
        rows = reports.reported();
    }

    public void dismiss(ReportedComment row) {
        run(() -> reports.dismiss(row.target()), "Comment " + row.id() + ": reports dismissed, the comment stays published.");
    }

    public void remove(ReportedComment row) {
        run(() -> reports.remove(row.target(), DecisionOutcome.REMOVED, Faces.getRequestParameter("ground-" + row.id()),
                Faces.getRequestParameter("explanation-" + row.id())), "Comment " + row.id() + ": removed (trash).");
    }

    public void spam(ReportedComment row) {
        run(() -> reports.remove(row.target(), DecisionOutcome.SPAM, RemovalGround.SPAM.key(),
                Faces.getRequestParameter("explanation-" + row.id())), "Comment " + row.id() + ": removed as spam.");
    }

    private void run(Supplier<ReportService.Decided> action, String done) {
        lastStatement = null;
        DeskActions.run(() -> {
            lastStatement = action.get().statementPath();
            Messages.addGlobalInfo(done);
        }, "Someone else changed this comment at the same moment; the view now shows it as it is.", ReportRefused.class);
        refresh();
    }

    public List<ReportedComment> getRows() { return rows; }
    public List<RemovalGround> getGrounds() { return List.of(RemovalGround.values()); }
    public String getLastStatement() { return lastStatement; }
}
