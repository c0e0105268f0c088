package org.moderato.account;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.moderato.platform.IpRange;
import org.moderato.platform.Settings;

/**
 * Brute-force protection: after too many failed logins for one username, or from one address group
 * (an IPv4 address, or an IPv6 /64: one household or server), within the window, further attempts are
 * refused until the oldest of them leaves the window. Usernames are counted as typed, existing or not,
 * so the refusal says nothing about which accounts exist. Kept in the database, so every node of a
 * cluster counts the same attempts.
 *
 * <p>Each attempt is recorded and committed <em>before</em> its password is checked, and then the
 * attempts in the window are counted: of any number of guesses sent at once, at most the limit are
 * checked (the last of them to be recorded sees all the others).
 *
 * <p>The per-username lock would let anyone keep the real owner out for ever by guessing; so a login
 * from an address group the account has logged in from before is let through the username's lock
 * (never the address's), and its password is checked as usual.
 */
@Stateless
public class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    private static final int LOGGED_USERNAME_MAX = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Resource
    SessionContext context;

    /** An attempt, recorded: whether its password may be checked, or how long to wait. */
    public record Admission(long attemptId, Optional<Duration> waitFor) {
        public boolean refused() {
            return waitFor.isPresent();
        }
    }

    /** Records this attempt (committed at once), then decides on it with every attempt recorded so far. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Admission admit(String typedUsername, String ipAddress, Instant now) {
        String username = key(typedUsername);
        String group = addressGroup(ipAddress);
        long id = context.getBusinessObject(LoginThrottle.class).record(username, group, now);
        Instant since = now.minus(WINDOW);
        Instant addressUntil = lockedUntil("a.ipAddress", group, id, settings.loginAttemptsPerAddress(), since);
        Instant accountUntil = lockedUntil("a.username", username, id, settings.loginAttemptsPerAccount(), since);
        if (accountUntil != null && knownAddress(username, group)) {
            accountUntil = null;
        }
        Instant until = max(addressUntil, accountUntil);
        if (until == null || !until.isAfter(now)) {
            return new Admission(id, Optional.empty());
        }
        LOG.warning(() -> "Login refused (too many failed attempts) for username '" + printable(typedUsername) + "' from " + ipAddress);
        context.getBusinessObject(LoginThrottle.class).forget(id);
        return new Admission(id, Optional.of(Duration.between(now, until)));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long record(String username, String addressGroup, Instant now) {
        em.createQuery("DELETE FROM LoginAttempt a WHERE a.attemptedAt < :since").setParameter("since", now.minus(WINDOW)).executeUpdate();
        LoginAttempt attempt = new LoginAttempt(username, addressGroup, now);
        em.persist(attempt);
        em.flush();
        return attempt.getId();
    }

    /** A refused attempt was never checked, so it does not lengthen the wait. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void forget(long attemptId) {
        em.createQuery("DELETE FROM LoginAttempt a WHERE a.id = :id").setParameter("id", attemptId).executeUpdate();
    }

    /** The password was wrong: the attempt stays counted. Logged with the username as typed, never the password. */
    public void failed(String typedUsername, String ipAddress) {
        LOG.warning(() -> "Failed login for username '" + printable(typedUsername) + "' from " + ipAddress);
    }

    /**
     * A good password ends the count for that username (not for the address: a spray from one address
     * still counts), and its address group becomes one the account is known to log in from.
     */
    public void succeeded(String typedUsername, String ipAddress, Instant now) {
        String username = key(typedUsername);
        String group = addressGroup(ipAddress);
        em.createQuery("DELETE FROM LoginAttempt a WHERE a.username = :username").setParameter("username", username).executeUpdate();
        int updated = em.createNativeQuery("UPDATE login_known_addresses SET last_login_at = ? WHERE username = ? AND address_group = ?")
                .setParameter(1, Timestamp.from(now)).setParameter(2, username).setParameter(3, group).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO login_known_addresses (username, address_group, last_login_at) VALUES (?, ?, ?)")
                    .setParameter(1, username).setParameter(2, group).setParameter(3, Timestamp.from(now)).executeUpdate();
        }
    }

    private boolean knownAddress(String username, String group) {
        return !em.createNativeQuery("SELECT 1 FROM login_known_addresses WHERE username = ? AND address_group = ?")
                .setParameter(1, username).setParameter(2, group).getResultList().isEmpty();
    }

    /** Locked while `limit` other attempts are inside the window: until the oldest of them leaves it. */
    private Instant lockedUntil(String field, String value, long ownId, int limit, Instant since) {
        List<Instant> recent = em.createQuery("SELECT a.attemptedAt FROM LoginAttempt a WHERE " + field + " = :value"
                        + " AND a.attemptedAt > :since AND a.id <> :own ORDER BY a.attemptedAt DESC", Instant.class)
                .setParameter("value", value)
                .setParameter("since", since)
                .setParameter("own", ownId)
                .setMaxResults(limit)
                .getResultList();
        return recent.size() < limit ? null : recent.get(limit - 1).plus(WINDOW);
    }

    /**
     * The unit addresses are counted in: an IPv4 address as it is, an IPv6 address by its /64 (one
     * subscriber usually gets a whole /64, so counting single IPv6 addresses would count nothing).
     */
    public static String addressGroup(String ipAddress) {
        Optional<byte[]> bytes = IpRange.literal(ipAddress);
        if (bytes.isEmpty()) {
            return ipAddress == null ? "" : ipAddress.length() > 45 ? ipAddress.substring(0, 45) : ipAddress;
        }
        byte[] address = bytes.get();
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        StringBuilder group = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            group.append(Integer.toHexString(((address[i] & 0xff) << 8) | (address[i + 1] & 0xff))).append(':');
        }
        return group.append(":/64").toString();
    }

    /** What a visitor typed, safe for one log line: control and line-breaking characters become '?', and it is cut short. */
    static String printable(String typed) {
        if (typed == null) {
            return "";
        }
        String cut = typed.length() > LOGGED_USERNAME_MAX ? typed.substring(0, LOGGED_USERNAME_MAX) + "..." : typed;
        return cut.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "?").replace("'", "\\'");
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String key(String typedUsername) {
        String key = Credentials.normaliseUsername(typedUsername);
        return key.length() > Credentials.USERNAME_MAX ? key.substring(0, Credentials.USERNAME_MAX) : key;
    }
}
