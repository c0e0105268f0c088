package org.moderato.account;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.moderato.platform.Settings;

/**
 * New password hashes: PBKDF2-HMAC-SHA-512, a 32-byte salt, {@code MODERATO_PASSWORD_ITERATIONS}
 * rounds. Each stored hash names all three, and the identity store ({@code SecurityConfig}) verifies
 * with those, so a login works whatever the setting is now; a change applies to passwords set from then on.
 */
@Dependent
class PasswordHasher {

    private final Pbkdf2PasswordHash hash;

    @Inject
    PasswordHasher(Pbkdf2PasswordHash hash, Settings settings) {
        this.hash = hash;
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Iterations", Integer.toString(settings.passwordIterations()),
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32"));
    }

    String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    boolean verify(String password, String hashed) {
        return hash.verify(password.toCharArray(), hashed);
    }
}
