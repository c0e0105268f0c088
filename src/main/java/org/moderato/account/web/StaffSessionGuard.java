package org.moderato.account.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import org.moderato.account.AccountService;

/**
 * Ends a staff session at its next request when its account was removed, disabled, given another role
 * or a new password since the session began: the container keeps the roles of a session from its
 * login, so without this a disabled moderator would keep working until the session timed out.
 */
public class StaffSessionGuard extends HttpFilter {

    static final String EPOCH = "moderato.account.epoch";

    @Inject
    AccountService accounts;

    /** Ties the session to the account's current epoch, right after login or a password change. */
    static void remember(HttpServletRequest request, int epoch) {
        request.getSession().setAttribute(EPOCH, epoch);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        HttpSession session = request.getSession(false);
        if (caller == null || session == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AccountService.SessionState> state = accounts.sessionState(caller.getName());
        Object epoch = session.getAttribute(EPOCH);
        // a change of role raises the epoch too, so the epoch alone says whether the login still stands
        boolean valid = state.isPresent() && state.get().enabled() && (epoch == null || epoch.equals(state.get().epoch()));
        if (!valid) {
            request.logout();
            session.invalidate();
            response.sendRedirect(request.getContextPath() + "/login?ended=1");
            return;
        }
        if (epoch == null) {
            session.setAttribute(EPOCH, state.get().epoch());
        }
        chain.doFilter(request, response);
    }
}
