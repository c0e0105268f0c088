package org.moderato.account.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.moderato.account.AccountAdmin;
import org.moderato.account.AccountAdmin.AccountRow;
import org.moderato.account.AccountRefused;
import org.moderato.account.Role;
import org.moderato.platform.PageActions;
import org.omnifaces.util.Messages;

/**
 * {@code /admin/users}: the staff accounts. View scoped because resetting a password and removing an
 * account take a second step (a field, a confirmation) on the same page.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountAdmin admin;

    private List<AccountRow> accounts;
    private String newUsername;
    private Role newRole = Role.MODERATOR;
    private String newPassword;
    private Long resetting;
    private String resetPassword;
    private Long removing;

    @PostConstruct
    void load() {
        accounts = admin.list();
    }

    public void add() {
        run(() -> {
            String name = admin.add(newUsername, newRole, newPassword).getUsername();
            Messages.addGlobalInfo("Account {0} added as {1}. Tell them their password; they can change it under Password.", name,
                    newRole.groupName());
            newUsername = null;
            newPassword = null;
        });
    }

    public void makeAdmin(AccountRow row) {
        run(() -> {
            admin.changeRole(row.id(), Role.ADMIN);
            Messages.addGlobalInfo("{0} is now an admin.", row.username());
        });
    }

    public void makeModerator(AccountRow row) {
        run(() -> {
            admin.changeRole(row.id(), Role.MODERATOR);
            Messages.addGlobalInfo("{0} is now a moderator.", row.username());
        });
    }

    public void disable(AccountRow row) {
        run(() -> {
            admin.disable(row.id());
            Messages.addGlobalInfo("{0} is disabled and logged out.", row.username());
        });
    }

    public void enable(AccountRow row) {
        run(() -> {
            admin.enable(row.id());
            Messages.addGlobalInfo("{0} can log in again.", row.username());
        });
    }

    public void startReset(AccountRow row) {
        removing = null;
        resetting = row.id();
        resetPassword = null;
    }

    public void saveReset(AccountRow row) {
        run(() -> {
            admin.resetPassword(row.id(), resetPassword);
            resetting = null;
            Messages.addGlobalInfo("New password set for {0}; their open sessions have ended.", row.username());
        });
        resetPassword = null;
    }

    public void askRemove(AccountRow row) {
        resetting = null;
        removing = row.id();
    }

    public void confirmRemove(AccountRow row) {
        removing = null;
        run(() -> Messages.addGlobalInfo("Account {0} removed.", admin.remove(row.id())));
    }

    public void cancel() {
        resetting = null;
        removing = null;
    }

    private void run(Runnable action) {
        PageActions.run(action, AccountRefused.class, "Only admins can change accounts.");
        accounts = admin.list();
    }

    public List<AccountRow> getAccounts() { return accounts; }
    public Role[] getRoles() { return Role.values(); }
    public String getNewUsername() { return newUsername; }
    public void setNewUsername(String newUsername) { this.newUsername = newUsername; }
    public Role getNewRole() { return newRole; }
    public void setNewRole(Role newRole) { this.newRole = newRole; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public Long getResetting() { return resetting; }
    public String getResetPassword() { return resetPassword; }
    public void setResetPassword(String resetPassword) { this.resetPassword = resetPassword; }
    public Long getRemoving() { return removing; }
}
