package org.moderato.mail.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.moderato.mail.MailRefused;
import org.moderato.mail.StaffMail;
import org.moderato.mail.StaffMailSettings;
import org.moderato.platform.MailSettings;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** {@code /account/mail}: a staff member's own address and when they hear of held comments. Absent when mail is off. */
@Named
@RequestScoped
public class StaffMailPage {

    @Inject
    StaffMail staffMail;

    @Inject
    MailSettings settings;

    private String storedAddress;
    private String address;
    private StaffMailSettings.HeldMail heldMail = StaffMailSettings.HeldMail.AT_ONCE;
    private int digestMinutes = 60;

    @PostConstruct
    void load() {
        if (!settings.isOn()) {
            return;
        }
        staffMail.mine().ifPresent(current -> {
            storedAddress = current.maskedAddress();
            heldMail = current.heldMail();
            digestMinutes = current.digestMinutes();
        });
    }

    /** The page's view action: without mail there is no such page. */
    public void requireMail() throws IOException {
        if (!settings.isOn()) {
            Faces.responseSendError(404, "Not found");
        }
    }

    public void save() {
        try {
            staffMail.save(address, heldMail, digestMinutes);
            Messages.addGlobalInfo("Saved.");
            load();
            address = null;
        } catch (MailRefused refused) {
            Messages.addGlobalError(refused.getMessage());
            Faces.validationFailed();
        } catch (EJBAccessException denied) {
            Messages.addGlobalError("Please log in again.");
        }
    }

    public List<StaffMailSettings.HeldMail> getChoices() { return List.of(StaffMailSettings.HeldMail.values()); }
    public String getStoredAddress() { return storedAddress; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public StaffMailSettings.HeldMail getHeldMail() { return heldMail; }
    public void setHeldMail(StaffMailSettings.HeldMail heldMail) { this.heldMail = heldMail; }
    public int getDigestMinutes() { return digestMinutes; }
    public void setDigestMinutes(int digestMinutes) { this.digestMinutes = digestMinutes; }
}
