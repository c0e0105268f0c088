package org.moderato.imports.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moderato.article.wordpress.WordPressImport;
import org.moderato.article.wordpress.WxrFormatException;
import org.moderato.imports.ExportFormat;
import org.moderato.site.SiteAdmin;
import org.moderato.site.SiteRefused;
import org.moderato.site.disqus.DisqusImport;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * {@code /admin/import}: takes a WordPress or a Disqus export file, tells which it is by its first
 * element, and shows what the import did. A Disqus export goes to this server's articles or to one of
 * the sites whose pages embed the widget, as the admin chooses.
 */
@Named
@RequestScoped
public class ImportPage {

    private static final Logger LOG = Logger.getLogger(ImportPage.class.getName());

    /** A summary as the page shows it, whichever importer made it. */
    public record Done(String describe, String notes) {}

    @Inject
    WordPressImport wordPress;

    @Inject
    DisqusImport disqus;

    @Inject
    SiteAdmin sites;

    @Inject
    SecurityContext security;

    private List<SiteAdmin.SiteRow> siteRows;
    private Part file;
    private Long siteId;
    private boolean keyByIdentifier;
    private Done summary;

    @PostConstruct
    void load() {
        siteRows = sites.list();
    }

    public void upload() {
        if (file == null || file.getSize() == 0) {
            Messages.addError("file", "Please choose the WordPress export file (an .xml file from Tools \u2192 Export)"
                    + " or the Disqus export (the .xml file inside the .gz Disqus mails you).");
            Faces.validationFailed();
            return;
        }
        String actor = security.getCallerPrincipal().getName();
        try {
            Optional<ExportFormat> format;
            try (InputStream start = file.getInputStream()) {
                format = ExportFormat.of(start);
            }
            if (format.isEmpty()) {
                Messages.addError("file", "Nothing was imported. This is neither a WordPress export (WXR, it starts with <rss>)"
                        + " nor a Disqus export (it starts with <disqus>).");
                Faces.validationFailed();
                return;
            }
            try (InputStream in = file.getInputStream()) {
                if (format.get() == ExportFormat.WORDPRESS) {
                    var done = wordPress.importFile(in, actor);
                    summary = new Done(done.describe(), done.notes());
                } else {
                    var done = disqus.importFile(in, siteId, keyByIdentifier, actor);
                    summary = new Done(done.describe(), done.notes());
                }
            }
        } catch (WxrFormatException broken) {
            Messages.addError("file", "Nothing was imported. {0}", broken.getMessage());
            Faces.validationFailed();
        } catch (SiteRefused refused) {
            Messages.addError("site", refused.getMessage());
            Faces.validationFailed();
        } catch (Exception failed) {
            LOG.log(Level.SEVERE, "Import failed", failed);
            Messages.addGlobalError("The import failed and nothing was stored. The server log has the details.");
            Faces.validationFailed();
        } finally {
            delete(file);
        }
    }

    private static void delete(Part part) {
        try {
            part.delete();
        } catch (IOException ignored) {
            // the container removes its temporary upload files at the end of the request anyway
        }
    }

    public List<SiteAdmin.SiteRow> getSites() { return siteRows; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public boolean isKeyByIdentifier() { return keyByIdentifier; }
    public void setKeyByIdentifier(boolean keyByIdentifier) { this.keyByIdentifier = keyByIdentifier; }
    public Done getSummary() { return summary; }
}
