package org.moderato.account;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** Accounts as their owners use them: the first admin, logging in, one's own password. */
@Stateless
public class AccountService {

    /** What a staff session is checked against on every request. */
    public record SessionState(boolean enabled, String role, int epoch) {}

    /** Verified against when the typed username has no account, so that answer takes as long as a wrong password. */
    private static volatile String decoyHash;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher passwords;

    @Resource
    SessionContext context;

    public boolean anyAccountExists() {
        return em.createQuery("SELECT COUNT(a) FROM Account a", Long.class).getSingleResult() > 0;
    }

    /** Creates an account as given; callers check the username and password rules first. */
    public Account create(String username, String password, Role role) {
        Account account = new Account(username, passwords.hash(password), role, Instant.now());
        em.persist(account);
        return account;
    }

    public Optional<Account> byUsername(String username) {
        return em.createQuery("SELECT a FROM Account a WHERE a.username = :username", Account.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    public Optional<SessionState> sessionState(String username) {
        return byUsername(username).map(a -> new SessionState(a.isEnabled(), a.getRole(), a.getSessionEpoch()));
    }

    /** Notes the login; returns the session epoch the new session belongs to. */
    @RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
    public int loggedIn() {
        Account account = byUsername(context.getCallerPrincipal().getName())
                .orElseThrow(() -> new AccountRefused("This account no longer exists."));
        account.loggedIn(Instant.now());
        return account.getSessionEpoch();
    }

    /** A staff member changes their own password; returns the new session epoch (other sessions end). */
    @RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
    public int changeOwnPassword(String current, String next) {
        Account account = byUsername(context.getCallerPrincipal().getName())
                .orElseThrow(() -> new AccountRefused("This account no longer exists."));
        if (current == null || !passwords.verify(current, account.getPasswordHash())) {
            throw new AccountRefused("Your current password is not right.");
        }
        Credentials.passwordProblem(account.getUsername(), next).ifPresent(problem -> {
            throw new AccountRefused(problem);
        });
        if (next.equals(current)) {
            throw new AccountRefused("The new password is the same as the current one.");
        }
        account.changePassword(passwords.hash(next));
        em.flush();
        return account.getSessionEpoch();
    }

    /** After a failed login: when no enabled account has this name, spend the time a password check would have taken. */
    public void equaliseFailureTime(String username) {
        boolean checked = byUsername(username).map(Account::isEnabled).orElse(false);
        if (!checked) {
            if (decoyHash == null) {
                decoyHash = passwords.hash("decoy-password");
            }
            passwords.verify("not-the-decoy", decoyHash);
        }
    }
}
