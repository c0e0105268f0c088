package org.moderato.account.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.time.Instant;
import org.moderato.account.AccountService;
import org.moderato.account.Credentials;
import org.moderato.account.LoginThrottle;
import org.moderato.platform.TrustedProxies;
import org.omnifaces.util.Messages;

/**
 * {@code /login}: hands the credentials to Jakarta Security, unless this username or address has
 * failed too often lately (the attempt is recorded before the password is checked). No message says which part was wrong, or whether the account exists.
 */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    LoginThrottle throttle;

    @Inject
    AccountService accounts;

    @Inject
    TrustedProxies proxies;

    @NotBlank(message = "Please enter your username.")
    private String username;

    @NotBlank(message = "Please enter your password.")
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        String typed = Credentials.normaliseUsername(username);
        String address = proxies.clientAddress(request);
        LoginThrottle.Admission admission = throttle.admit(username, address, Instant.now());
        if (admission.refused()) {
            external.invalidateSession();
            long minutes = Math.max(1, (admission.waitFor().get().getSeconds() + 59) / 60);
            Messages.addGlobalError("Too many failed logins. Please wait {0} minute{1} and try again.", minutes, minutes == 1 ? "" : "s");
            return;
        }
        if (request.getSession(false) != null) {
            // a fresh session id for the authenticated session: a planted id is worth nothing
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request, response,
                withParams().credential(new UsernamePasswordCredential(typed, new Password(password))).newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                throttle.succeeded(typed, address, Instant.now());
                StaffSessionGuard.remember(request, accounts.loggedIn());
                external.redirect(request.getContextPath() + "/moderation");
            }
            default -> {
                throttle.failed(username, address);
                accounts.equaliseFailureTime(typed);
                // a failed attempt leaves Jakarta Security's half-done login in the session, which then
                // answers every protected page with an empty 200; start over with a clean session
                external.invalidateSession();
                Messages.addGlobalError("Unknown username or password.");
            }
        }
    }

    public void logout() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException ignored) {
            // already logged out: nothing to undo
        }
        external.invalidateSession();
        external.redirect(request.getContextPath() + "/");
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
