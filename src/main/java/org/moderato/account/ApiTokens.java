package org.moderato.account;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.moderato.platform.Randomness;
import org.moderato.platform.Sha256;

/**
 * Staff API tokens: admins create and revoke them; the API's callers are known by them. A token is 256
 * random bits, so a plain SHA-256 of it is as good as the token is hard to guess; only that is stored.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class ApiTokens {

    /** The name the moderation history and the audit trail give a token's caller. */
    public static final String CALLER_PREFIX = "api:";

    public record Created(ApiToken token, String secret) {}

    /** A token as the admin page lists it. */
    public record TokenRow(long id, String name, Set<ApiScope> scopes, String createdBy, Instant createdAt, Instant revokedAt,
                           long calls) {}

    /** Who called with a valid token. */
    public record ApiCaller(long tokenId, String name, Set<ApiScope> scopes) {}

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    public Created create(String typedName, Set<ApiScope> scopes) {
        String name = typedName == null ? "" : typedName.strip();
        if (name.isEmpty() || name.length() > 100 || !name.matches("[\\p{L}\\p{N} ._-]+")) {
            throw new AccountRefused("Name the token (letters, digits, spaces, . _ -; at most 100 characters).");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new AccountRefused("Give the token at least one scope.");
        }
        String secret = "mdt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(Randomness.bytes(32));
        ApiToken token = new ApiToken(name, hash(secret), scopes, context.getCallerPrincipal().getName(), Instant.now());
        em.persist(token);
        return new Created(token, secret);
    }

    public void revoke(long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null) {
            throw new AccountRefused("That token does not exist.");
        }
        token.revoke(Instant.now());
    }

    public List<TokenRow> list() {
        return em.createQuery("SELECT t, (SELECT COUNT(c) FROM ApiCall c WHERE c.tokenId = t.id) FROM ApiToken t ORDER BY t.id DESC",
                        Object[].class)
                .getResultList().stream()
                .map(row -> {
                    ApiToken t = (ApiToken) row[0];
                    return new TokenRow(t.getId(), t.getName(), t.scopes(), t.getCreatedBy(), t.getCreatedAt(), t.getRevokedAt(), (Long) row[1]);
                })
                .toList();
    }

    /** The caller a bearer token names, if it is a token that exists and is not revoked. */
    @PermitAll
    public Optional<ApiCaller> caller(String secret) {
        if (secret == null || !secret.startsWith("mdt_") || secret.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash AND t.revokedAt IS NULL", ApiToken.class)
                .setParameter("hash", hash(secret))
                .getResultStream()
                .findFirst()
                .map(t -> new ApiCaller(t.getId(), CALLER_PREFIX + t.getName(), t.scopes()));
    }

    /** Written in a transaction of its own: a call that failed is in the trail too. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Long tokenId, String method, String path, int status) {
        em.persist(new ApiCall(tokenId, method, path, status, Instant.now()));
    }

    static String hash(String secret) {
        return Sha256.hex(secret, 32);
    }
}
