package org.moderato.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets the app must read back but a copy of its database must not give away (a webhook's signing
 * secret): AES-256-GCM under a key derived from the site secret for the value's purpose, the purpose
 * bound to the value. During a rotation a value opens with the previous secret too, and says so, so
 * that its owner seals it again before the previous secret is forgotten ({@link PreviousSecretForgetting}).
 */
@ApplicationScoped
public class SealedValues {

    /** Starts every sealed value: a value stored before its feature sealed anything does not. */
    public static final String PREFIX = "sealed1.";

    /** A value read back, and whether the current secret could read it (false: only the previous one). */
    public record Opened(String value, boolean withCurrentKey) {}

    @Inject
    SiteSecret siteSecret;

    public String seal(String purpose, String value) {
        return sealWith(siteSecret.keyFor(keyPurpose(purpose)), purpose, value);
    }

    /** Empty when the value is not sealed or neither secret opens it (a lost or replaced key file). */
    public Optional<Opened> open(String purpose, String stored) {
        return openWith(siteSecret.keysFor(keyPurpose(purpose)), purpose, stored);
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    static String sealWith(byte[] key, String purpose, String value) {
        return PREFIX + AesGcm.seal(new SecretKeySpec(key, "AES"), value, context(purpose));
    }

    /** {@code keys}: the current secret's first, then the previous one's. */
    static Optional<Opened> openWith(List<byte[]> keys, String purpose, String stored) {
        if (!isSealed(stored)) {
            return Optional.empty();
        }
        String sealed = stored.substring(PREFIX.length());
        for (int i = 0; i < keys.size(); i++) {
            boolean current = i == 0;
            Optional<String> value = AesGcm.open(new SecretKeySpec(keys.get(i), "AES"), sealed, context(purpose));
            if (value.isPresent()) {
                return Optional.of(new Opened(value.get(), current));
            }
        }
        return Optional.empty();
    }

    static String keyPurpose(String purpose) {
        return "sealed-value:" + purpose;
    }

    private static byte[] context(String purpose) {
        return purpose.getBytes(StandardCharsets.UTF_8);
    }
}
