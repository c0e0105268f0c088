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
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
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
 *
 * <p>The staff API ({@code /api/v1/staff/}) is not for sessions: each call names its caller with a bearer
 * token ({@link ApiTokens}), whose scopes become the caller's groups beside the moderator role the
 * moderation services check. A call without a valid token gets a JSON 401 and is in the audit trail too.
 *
 * <p>{@link AnonymousRequests} answers, without asking this, the requests for which this does nothing
 * (no session, no constraint, no login, no staff API call): a change to when this acts changes that too.
 */
@ApplicationScoped
public class StaffAuthentication implements HttpAuthenticationMechanism {

    static final String CALLER = "moderato.caller";

    /** Who this session belongs to; the roles are those of the login (a change of role ends the session). */
    record Caller(String name, Set<String> groups) implements Serializable {}

    /** The request attribute naming the {@link ApiTokens.ApiCaller} of a staff API call, for its audit row. */
    public static final String API_CALLER = "moderato.api-caller";

    static final String STAFF_API = "/api/v1/staff/";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    ApiTokens apiTokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (request.getRequestURI().startsWith(request.getContextPath() + STAFF_API)) {
            return validateApiCall(request, response, context);
        }
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

    private AuthenticationStatus validateApiCall(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        Optional<ApiTokens.ApiCaller> caller = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? apiTokens.caller(authorization.substring(7).strip()) : Optional.empty();
        if (caller.isEmpty()) {
            apiTokens.record(null, request.getMethod(), request.getRequestURI(), HttpServletResponse.SC_UNAUTHORIZED);
            try {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setHeader("WWW-Authenticate", "Bearer");
                response.setContentType("application/json");
                response.getOutputStream().write("{\"error\":\"Send a valid API token: Authorization: Bearer mdt_...\"}"
                        .getBytes(StandardCharsets.UTF_8));
                response.flushBuffer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.setAttribute(API_CALLER, caller.get());
        Set<String> groups = new HashSet<>();
        groups.add(Role.MODERATOR_NAME);
        caller.get().scopes().forEach(scope -> groups.add(scope.group()));
        return context.notifyContainerAboutLogin(caller.get().name(), groups);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CALLER);
        }
    }
}
