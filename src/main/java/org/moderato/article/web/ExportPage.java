package org.moderato.article.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moderato.article.wordpress.TransferRecord;
import org.moderato.article.wordpress.WordPressExport;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** {@code /admin/export}: downloads everything as a WXR file and lists past imports and exports. */
@Named
@RequestScoped
public class ExportPage {

    private static final Logger LOG = Logger.getLogger(ExportPage.class.getName());

    @Inject
    WordPressExport exporter;

    @Inject
    SecurityContext security;

    private boolean includeEmails = true;
    private List<TransferRecord> history = List.of();

    @PostConstruct
    void load() {
        try {
            history = exporter.recent(20);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Cannot read the transfer log", e);
        }
    }

    /** Streams the file as the answer to the form post; the page itself is not rendered. */
    public void download() {
        HttpServletResponse response = (HttpServletResponse) Faces.getExternalContext().getResponse();
        response.setContentType("application/xml;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"moderato-export-"
                + LocalDate.now(ZoneOffset.UTC) + ".xml\"");
        String site = Faces.getRequestBaseURL();
        try {
            exporter.export(response.getOutputStream(), includeEmails, site, security.getCallerPrincipal().getName());
            Faces.responseComplete();
        } catch (Exception failed) {
            LOG.log(Level.SEVERE, "Export failed", failed);
            if (!response.isCommitted()) {
                response.reset();
                Messages.addGlobalError("The export failed. The server log has the details.");
            } else {
                Faces.responseComplete();
            }
        }
    }

    public boolean isIncludeEmails() { return includeEmails; }
    public void setIncludeEmails(boolean includeEmails) { this.includeEmails = includeEmails; }
    public List<TransferRecord> getHistory() { return history; }
}
