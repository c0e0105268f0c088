package org.moderato.privacy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.moderato.platform.SecretRotationRefused;
import org.moderato.privacy.EmailKeyRotation;
import org.moderato.privacy.PrivacyActionRefused;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** {@code /admin/privacy/keys}: which key protects how many addresses, and rotating the site secret. */
@Named
@RequestScoped
public class KeysPage {

    @Inject
    EmailKeyRotation rotation;

    @Inject
    SecurityContext security;

    private EmailKeyRotation.Status status;
    private boolean confirmed;

    @PostConstruct
    void load() {
        status = rotation.status();
    }

    public void rotate() {
        if (!confirmed) {
            Messages.addError("confirmed", "Tick this box to confirm that you will back up the new secret.key.");
            Faces.validationFailed();
            return;
        }
        try {
            rotation.rotate(security.getCallerPrincipal().getName());
            Messages.addGlobalInfo("New site secret in place. Addresses are being re-encrypted in the background;"
                    + " reload this page to follow. Back up the new secret.key now.");
            confirmed = false;
        } catch (SecretRotationRefused | PrivacyActionRefused refused) {
            Messages.addGlobalError(refused.getMessage());
        }
        status = rotation.status();
    }

    public EmailKeyRotation.Status getStatus() { return status; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
}
