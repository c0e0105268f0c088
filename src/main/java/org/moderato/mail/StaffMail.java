package org.moderato.mail;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.moderato.account.Account;
import org.moderato.account.AccountService;
import org.moderato.account.Role;
import org.moderato.comment.CommentLimits;
import org.moderato.privacy.EmailVault;

/**
 * A staff member's own mail settings (their address and the held-comment preference), read and changed
 * by that staff member only: the caller is the account, never a parameter.
 */
@Stateless
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
public class StaffMail {

    /** The comment form's address shape, so staff and readers are held to the same rule. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** What the page shows: the address only masked, as the desk shows readers' addresses. */
    public record Current(String maskedAddress, StaffMailSettings.HeldMail heldMail, int digestMinutes) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    EmailVault vault;

    @Resource
    SessionContext context;

    public Optional<Current> mine() {
        return Optional.ofNullable(em.find(StaffMailSettings.class, me().getId()))
                .map(m -> new Current(vault.maskedForModerator(m.getEmailCiphertext()), m.getHeldMail(), m.getDigestMinutes()));
    }

    /**
     * Saves the preference; {@code address} blank keeps the stored one. Refuses (with a message for the
     * page) an address of the wrong shape, a missing address, or minutes out of range.
     */
    public void save(String address, StaffMailSettings.HeldMail heldMail, int digestMinutes) {
        String typed = address == null ? "" : address.strip();
        if (!typed.isEmpty() && (typed.length() > CommentLimits.EMAIL_MAX || !ADDRESS.matcher(typed).matches())) {
            throw new MailRefused("Please enter a valid email address.");
        }
        if (heldMail == null) {
            throw new MailRefused("Please choose when to get mail about held comments.");
        }
        if (digestMinutes < StaffMailSettings.DIGEST_MIN_MINUTES || digestMinutes > StaffMailSettings.DIGEST_MAX_MINUTES) {
            throw new MailRefused("The digest's interval is " + StaffMailSettings.DIGEST_MIN_MINUTES + " to "
                    + StaffMailSettings.DIGEST_MAX_MINUTES + " minutes.");
        }
        Account me = me();
        String sealed = typed.isEmpty() ? null : vault.encrypt(typed);
        StaffMailSettings current = em.find(StaffMailSettings.class, me.getId());
        Instant now = Instant.now();
        if (current == null) {
            if (sealed == null) {
                throw new MailRefused("Please enter your email address.");
            }
            em.persist(new StaffMailSettings(me.getId(), sealed, heldMail, digestMinutes, now));
        } else {
            current.change(sealed, heldMail, digestMinutes, now);
        }
    }

    /**
     * After a key rotation: staff addresses still sealed with the previous key are sealed again with the
     * current one, as the rotation does for comments (which it does not know these rows of the mail feature).
     */
    @PermitAll
    public int resealWithCurrentKey() {
        int resealed = 0;
        for (StaffMailSettings staff : em.createQuery("SELECT m FROM StaffMailSettings m", StaffMailSettings.class).getResultList()) {
            Optional<EmailVault.Opened> opened = vault.open(staff.getEmailCiphertext());
            if (opened.isPresent() && !opened.get().withCurrentKey()) {
                staff.reseal(vault.encrypt(opened.get().address()));
                resealed++;
            }
        }
        return resealed;
    }

    private Account me() {
        return accounts.byUsername(context.getCallerPrincipal().getName())
                .orElseThrow(() -> new MailRefused("This account no longer exists."));
    }
}
