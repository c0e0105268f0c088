package org.moderato.privacy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.moderato.privacy.ClientRetention;
import org.moderato.privacy.PrivacyActionRefused;
import org.moderato.privacy.PrivacyRequests;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** {@code /admin/privacy/retention}: how long full IP addresses and user agents are kept, and "Anonymise now". */
@Named
@RequestScoped
public class RetentionPage {

    @Inject
    ClientRetention retention;

    @Inject
    SecurityContext security;

    private Integer days;

    @PostConstruct
    void load() {
        days = retention.retentionDays();
    }

    public void save() {
        try {
            retention.changeRetention(days, security.getCallerPrincipal().getName());
            Messages.addGlobalInfo("Saved: IP addresses and browsers are anonymised after {0} days.", days);
        } catch (PrivacyActionRefused refused) {
            Messages.addError("days", refused.getMessage());
            Faces.validationFailed();
        }
    }

    public void anonymiseNow() {
        int done = retention.anonymiseNow(security.getCallerPrincipal().getName());
        Messages.addGlobalInfo(done == 0 ? "No comment was due: nothing changed." : PrivacyRequests.comments(done) + " anonymised.");
        days = retention.retentionDays();
    }

    public Integer getDays() { return days; }
    public void setDays(Integer days) { this.days = days; }
}
