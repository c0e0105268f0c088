package org.moderato.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.moderato.platform.Settings;

/**
 * Brute-force protection: after too many failed logins for one username, or from one address, within
 * the window, further attempts are refused until the oldest of them leaves the window. Usernames are
 * counted as typed, existing or not, so the refusal says nothing about which accounts exist. Kept in
 * the database, so every node of a cluster counts the same failures.
 */
@Stateless
public class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    /** How long this username or address must wait; empty when it may try now. */
    public Optional<Duration> waitBefore(String typedUsername, String ipAddress, Instant now) {
        Instant since = now.minus(WINDOW);
        Instant until = max(lockedUntil("f.username", key(typedUsername), settings.loginAttemptsPerAccount(), since),
                lockedUntil("f.ipAddress", address(ipAddress), settings.loginAttemptsPerAddress(), since));
        return until == null || !until.isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    public void failed(String typedUsername, String ipAddress, Instant now) {
        em.createQuery("DELETE FROM LoginFailure f WHERE f.failedAt < :since").setParameter("since", now.minus(WINDOW)).executeUpdate();
        em.persist(new LoginFailure(key(typedUsername), address(ipAddress), now));
    }

    /** A good password ends the count for that username (not for the address: a spray from one address still counts). */
    public void succeeded(String typedUsername) {
        em.createQuery("DELETE FROM LoginFailure f WHERE f.username = :username").setParameter("username", key(typedUsername)).executeUpdate();
    }

    private Instant lockedUntil(String field, String value, int limit, Instant since) {
        List<Instant> recent = em.createQuery("SELECT f.failedAt FROM LoginFailure f WHERE " + field + " = :value"
                        + " AND f.failedAt > :since ORDER BY f.failedAt DESC", Instant.class)
                .setParameter("value", value)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
        // locked while `limit` failures are inside the window: until the oldest of them leaves it
        return recent.size() < limit ? null : recent.get(limit - 1).plus(WINDOW);
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String key(String typedUsername) {
        String key = Credentials.normaliseUsername(typedUsername);
        return key.length() > Credentials.USERNAME_MAX ? key.substring(0, Credentials.USERNAME_MAX) : key;
    }

    private static String address(String ipAddress) {
        return ipAddress == null ? "" : ipAddress.length() > 45 ? ipAddress.substring(0, 45) : ipAddress;
    }
}
