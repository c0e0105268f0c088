package org.moderato.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Set;

/**
 * Form login for staff, against the database identity store: {@code LoginPage} hands over the
 * credentials; afterwards the session remembers who logged in and every request tells the container so
 * afresh. A visitor without a login who asks for a staff page is sent to {@code /login}.
 *
 * <p>Why not {@code @CustomFormAuthenticationMechanismDefinition}: its session handling
 * ({@code @AutoApplySession}) hands the container the principal of the previous request, and Payara
 * 6.2025.10 then reuses a security context shared between threads; under concurrent requests a logged-in
 * moderator randomly got 403 (payara/Payara#6145, fixed upstream in FISH-7515, not in Payara 6 yet).
 * Naming the caller by name and groups on each request gives every request its own subject.
 */
@ApplicationScoped
public class StaffAuthentication implements HttpAuthenticationMechanism {

    static final String CALLER = "moderato.caller";

    /** Who this session belongs to; the roles are those of the login (a change of role ends the session). */
    record Caller(String name, Set<String> groups) implements Serializable {}

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.getSession().setAttribute(CALLER,
                    new Caller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
            return context.notifyContainerAboutLogin(result.getCallerPrincipal().getName(), result.getCallerGroups());
        }
        HttpSession session = request.getSession(false);
        Object known = session == null ? null : session.getAttribute(CALLER);
        if (known instanceof Caller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + "/login");
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CALLER);
        }
    }
}
