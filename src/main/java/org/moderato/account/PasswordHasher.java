package org.moderato.account;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.moderato.platform.Settings;

/**
 * PBKDF2 as the identity store verifies it: the algorithm and salt of {@code SecurityConfig}, and
 * {@code MODERATO_PASSWORD_ITERATIONS} rounds. Each stored hash names its own rounds, so a login
 * verifies it whatever the setting is now; a change applies to the passwords set from then on.
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
