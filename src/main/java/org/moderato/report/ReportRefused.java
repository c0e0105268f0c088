package org.moderato.report;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A report, complaint or decision that cannot be taken as asked, with the message to show and the HTTP
 * status. Like the comment form's refusal it does not roll back by itself: the service marks the
 * transaction when something was written (a spent form token stays spent).
 */
@ApplicationException(rollback = false)
public class ReportRefused extends RuntimeException {

    private final int httpStatus;
    private final Map<String, String> fieldErrors;

    public ReportRefused(String message, int httpStatus) {
        this(message, httpStatus, Map.of());
    }

    public ReportRefused(String message, int httpStatus, Map<String, String> fieldErrors) {
        super(message);
        this.httpStatus = httpStatus;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public int httpStatus() { return httpStatus; }
    public Map<String, String> fieldErrors() { return fieldErrors; }
}
