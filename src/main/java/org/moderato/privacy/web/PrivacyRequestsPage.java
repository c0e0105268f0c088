package org.moderato.privacy.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.moderato.privacy.EmailMask;
import org.moderato.privacy.EmailVault;
import org.moderato.privacy.PrivacyActionRefused;
import org.moderato.privacy.PrivacyRequests;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** {@code /admin/privacy}: find a person's comments by address, then export them as JSON or erase them. */
@Named
@RequestScoped
public class PrivacyRequestsPage {

    @Inject
    PrivacyRequests requests;

    @Inject
    SecurityContext security;

    private String email;
    private boolean deleteText;
    private boolean confirmed;

    public void lookUp() {
        try {
            long count = requests.count(email);
            Messages.addGlobalInfo("{0} stored with {1}.", PrivacyRequests.comments(count), masked());
        } catch (PrivacyActionRefused refused) {
            refuse(refused);
        }
    }

    /** Streams the JSON file as the response to this form post (a download; the page stays as it was). */
    public void export() throws IOException {
        try {
            if (requests.count(email) == 0) {
                Messages.addGlobalError("No comment is stored with {0}: there is nothing to export.", masked());
                return;
            }
            ExternalContext external = Faces.getExternalContext();
            external.setResponseContentType("application/json");
            external.setResponseCharacterEncoding("UTF-8");
            external.setResponseHeader("Content-Disposition",
                    "attachment; filename=\"moderato-comments-" + LocalDate.now(ZoneOffset.UTC) + ".json\"");
            external.setResponseHeader("Cache-Control", "no-store");
            requests.export(email, caller(), external.getResponseOutputStream());
            Faces.responseComplete();
        } catch (PrivacyActionRefused refused) {
            refuse(refused);
        }
    }

    public void erase() {
        if (!confirmed) {
            Messages.addError("confirmed", "Tick this box to confirm: an erasure cannot be undone.");
            Faces.validationFailed();
            return;
        }
        try {
            PrivacyRequests.Erasure erasure = requests.erase(email, deleteText, caller());
            if (erasure.comments() == 0) {
                Messages.addGlobalInfo("No comment is stored with {0}: nothing was erased.", erasure.maskedEmail());
            } else {
                Messages.addGlobalInfo(erasure.textDeleted()
                                ? "{0} of {1} deleted."
                                : "{0} of {1} erased: the author is now \u201cAnonymous\u201d; email, website, IP address and browser are gone; the text stays.",
                        PrivacyRequests.comments(erasure.comments()), erasure.maskedEmail());
            }
            email = null;
            confirmed = false;
        } catch (PrivacyActionRefused refused) {
            refuse(refused);
        }
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    private static void refuse(PrivacyActionRefused refused) {
        Messages.addError("privacy-email", refused.getMessage());
        Faces.validationFailed();
    }

    private String masked() {
        return EmailMask.mask(EmailVault.normalise(email));
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email == null ? null : email.strip(); }
    public boolean isDeleteText() { return deleteText; }
    public void setDeleteText(boolean deleteText) { this.deleteText = deleteText; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
}
