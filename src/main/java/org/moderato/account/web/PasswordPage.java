package org.moderato.account.web;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.moderato.account.AccountRefused;
import org.moderato.account.AccountService;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** {@code /account/password}: every staff member changes their own password here. */
@Named
@RequestScoped
public class PasswordPage {

    @Inject
    AccountService accounts;

    @Inject
    HttpServletRequest request;

    private String current;
    private String next;
    private String repeated;

    public void change() {
        if (next == null || !next.equals(repeated)) {
            Messages.addGlobalError("The new password and its repetition differ.");
            Faces.validationFailed();
            return;
        }
        try {
            int epoch = accounts.changeOwnPassword(current, next);
            // this session carries on under a new id; the account's other sessions end at their next request
            request.changeSessionId();
            StaffSessionGuard.remember(request, epoch);
            Messages.addGlobalInfo("Your password was changed. Your other sessions have ended.");
        } catch (AccountRefused refused) {
            Messages.addGlobalError(refused.getMessage());
            Faces.validationFailed();
        } catch (EJBAccessException denied) {
            Messages.addGlobalError("Please log in again.");
        }
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
    public String getRepeated() { return repeated; }
    public void setRepeated(String repeated) { this.repeated = repeated; }
}
