package org.moderato.site.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moderato.article.wordpress.WxrFormatException;
import org.moderato.site.SiteAdmin;
import org.moderato.site.SiteRefused;
import org.moderato.site.disqus.DisqusImport;
import org.moderato.site.disqus.DisqusSummary;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** {@code /admin/import-disqus}: takes a Disqus export and a site, and shows what the import did. */
@Named
@RequestScoped
public class DisqusImportPage {

    private static final Logger LOG = Logger.getLogger(DisqusImportPage.class.getName());

    @Inject
    DisqusImport importer;

    @Inject
    SiteAdmin sites;

    @Inject
    SecurityContext security;

    private List<SiteAdmin.SiteRow> siteRows;
    private Part file;
    private Long siteId;
    private boolean keyByIdentifier;
    private DisqusSummary summary;

    @PostConstruct
    void load() {
        siteRows = sites.list();
    }

    public void upload() {
        if (siteId == null || siteRows.stream().noneMatch(s -> s.id() == siteId)) {
            Messages.addError("site", "Choose the site whose pages the comments belong to.");
            Faces.validationFailed();
        }
        if (file == null || file.getSize() == 0) {
            Messages.addError("file", "Please choose the Disqus export file (the .xml file Disqus mails you, unpacked from its .gz).");
            Faces.validationFailed();
        }
        if (Faces.isValidationFailed()) {
            delete(file);
            return;
        }
        try (InputStream in = file.getInputStream()) {
            summary = importer.importFile(in, siteId, keyByIdentifier, security.getCallerPrincipal().getName());
        } catch (WxrFormatException broken) {
            Messages.addError("file", "Nothing was imported. {0}", broken.getMessage());
            Faces.validationFailed();
        } catch (SiteRefused refused) {
            Messages.addError("site", refused.getMessage());
            Faces.validationFailed();
        } catch (Exception failed) {
            LOG.log(Level.SEVERE, "Disqus import failed", failed);
            Messages.addGlobalError("The import failed and nothing was stored. The server log has the details.");
            Faces.validationFailed();
        } finally {
            delete(file);
        }
    }

    private static void delete(Part part) {
        if (part == null) {
            return;
        }
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
    public DisqusSummary getSummary() { return summary; }
}
