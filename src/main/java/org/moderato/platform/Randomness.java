package org.moderato.platform;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random bytes for nonces, one DRBG per thread: the JDK's default NativePRNG instances share one
 * lock, which posting threads were found queueing on under load.
 */
public final class Randomness {

    private static final ThreadLocal<SecureRandom> PER_THREAD = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    private Randomness() {}

    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        PER_THREAD.get().nextBytes(bytes);
        return bytes;
    }
}
