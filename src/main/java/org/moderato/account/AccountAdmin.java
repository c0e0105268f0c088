package org.moderato.account;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * What admins do with accounts: add, change the role, disable and enable, reset a password, remove.
 * There is always at least one enabled admin, and no admin locks themselves out by accident.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class AccountAdmin {

    /** An account as the users page lists it. */
    public record AccountRow(long id, String username, String role, boolean enabled, Instant createdAt, Instant lastLoginAt) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    PasswordHasher passwords;

    @Resource
    SessionContext context;

    public List<AccountRow> list() {
        return em.createQuery("SELECT NEW org.moderato.account.AccountAdmin.AccountRow(a.id, a.username, a.role, a.enabled,"
                + " a.createdAt, a.lastLoginAt) FROM Account a ORDER BY a.username", AccountRow.class).getResultList();
    }

    public Account add(String typedUsername, Role role, String password) {
        String username = Credentials.normaliseUsername(typedUsername);
        Credentials.usernameProblem(username).ifPresent(this::refuse);
        Credentials.passwordProblem(username, password).ifPresent(this::refuse);
        if (role == null) {
            refuse("Choose a role.");
        }
        if (accounts.byUsername(username).isPresent()) {
            refuse("There is already an account named " + username + ".");
        }
        return accounts.create(username, password, role);
    }

    public void changeRole(long id, Role role) {
        Account account = find(id);
        if (account.getRole().equals(role.groupName())) {
            return;
        }
        if (account.isAdmin()) {
            keepAnAdmin(account, "made a moderator");
        }
        account.changeRole(role);
    }

    public void disable(long id) {
        Account account = find(id);
        notOneself(account, "disable your own account");
        if (account.isAdmin()) {
            keepAnAdmin(account, "disabled");
        }
        account.disable();
    }

    public void enable(long id) {
        find(id).enable();
    }

    public void resetPassword(long id, String password) {
        Account account = find(id);
        Credentials.passwordProblem(account.getUsername(), password).ifPresent(this::refuse);
        account.changePassword(passwords.hash(password));
    }

    public String remove(long id) {
        Account account = find(id);
        notOneself(account, "remove your own account");
        if (account.isAdmin()) {
            keepAnAdmin(account, "removed");
        }
        em.remove(account);
        return account.getUsername();
    }

    private Account find(long id) {
        Account account = em.find(Account.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            refuse("This account no longer exists.");
        }
        return account;
    }

    private void notOneself(Account account, String what) {
        if (account.getUsername().equals(context.getCallerPrincipal().getName())) {
            refuse("You cannot " + what + ".");
        }
    }

    /**
     * Refuses when {@code account} is the only enabled admin. The enabled admins are locked first, so
     * two admins demoting each other at the same moment cannot both succeed.
     */
    private void keepAnAdmin(Account account, String what) {
        List<Account> admins = em.createQuery("SELECT a FROM Account a WHERE a.role = :admin AND a.enabled = TRUE", Account.class)
                .setParameter("admin", Role.ADMIN.groupName())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        boolean onlyOne = admins.stream().allMatch(a -> a.getId().equals(account.getId()));
        if (account.isEnabled() && onlyOne) {
            refuse(account.getUsername() + " is the last active admin and cannot be " + what
                    + "; make another account admin first.");
        }
    }

    private void refuse(String message) {
        throw new AccountRefused(message);
    }
}
