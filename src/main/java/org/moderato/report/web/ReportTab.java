package org.moderato.report.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.moderato.report.ReportService;

/** The count on the queue's "Reported" tab, read once per request. */
@Named
@RequestScoped
public class ReportTab {

    @Inject
    ReportService reports;

    private Long waiting;

    public long getWaiting() {
        if (waiting == null) {
            waiting = reports.waiting();
        }
        return waiting;
    }
}
