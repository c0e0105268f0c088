package org.moderato.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Instant;
import java.util.Map;

@Stateless
public class AccountService {

    /** The same parameters as the identity store, so hashes made here verify there. */
    static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32");

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    public boolean anyAccountExists() {
        return em.createQuery("SELECT COUNT(a) FROM Account a", Long.class).getSingleResult() > 0;
    }

    public Account create(String username, String password, Role role) {
        passwordHash.initialize(HASH_PARAMETERS);
        Account account = new Account(username, passwordHash.generate(password.toCharArray()), role, Instant.now());
        em.persist(account);
        return account;
    }
}
