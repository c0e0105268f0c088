package org.moderato.article.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moderato.article.wordpress.ImportSummary;
import org.moderato.article.wordpress.WordPressImport;
import org.moderato.article.wordpress.WxrFormatException;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** {@code /admin/import}: takes a WordPress export file and shows what the import did. */
@Named
@RequestScoped
public class ImportPage {

    private static final Logger LOG = Logger.getLogger(ImportPage.class.getName());

    @Inject
    WordPressImport importer;

    @Inject
    SecurityContext security;

    private Part file;
    private ImportSummary summary;

    public void upload() {
        if (file == null || file.getSize() == 0) {
            Messages.addError("file", "Please choose the WordPress export file (an .xml file from Tools \u2192 Export).");
            Faces.validationFailed();
            return;
        }
        try (InputStream in = file.getInputStream()) {
            summary = importer.importFile(in, security.getCallerPrincipal().getName());
        } catch (WxrFormatException broken) {
            Messages.addError("file", "Nothing was imported. {0}", broken.getMessage());
            Faces.validationFailed();
        } catch (Exception failed) {
            LOG.log(Level.SEVERE, "WordPress import failed", failed);
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

    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public ImportSummary getSummary() { return summary; }
}
