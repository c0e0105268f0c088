package org.moderato.account;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/** PBKDF2 with the identity store's parameters, so a hash made here verifies at login. */
@Dependent
class PasswordHasher {

    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32");

    private final Pbkdf2PasswordHash hash;

    @Inject
    PasswordHasher(Pbkdf2PasswordHash hash) {
        this.hash = hash;
        hash.initialize(PARAMETERS);
    }

    String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    boolean verify(String password, String hashed) {
        return hash.verify(password.toCharArray(), hashed);
    }
}
