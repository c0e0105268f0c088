package org.moderato.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA-256 as lowercase hex, and a constant-time comparison for checking one. */
public final class Hmac {

    private Hmac() {}

    /** Each thread keeps the Macs of the last few keys it used, ready: a page served from memory signs its form token. */
    private static final ThreadLocal<RecentMacs> MACS = ThreadLocal.withInitial(RecentMacs::new);

    public static String sha256Hex(byte[] key, String message) {
        // doFinal leaves the Mac initialised with the same key for the next message
        return HexFormat.of().formatHex(MACS.get().forKey(key).doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    public static boolean matches(String expectedHex, String givenHex) {
        if (givenHex == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expectedHex.getBytes(StandardCharsets.US_ASCII), givenHex.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Mac.getInstance and init cost more than signing a short message (a profile of the kept page put
     * two thirds of its form token there). A few slots, replaced in turn, so a caller with many keys
     * costs what it did before and nothing grows.
     */
    private static final class RecentMacs {
        private static final int SLOTS = 4;
        private final byte[][] keys = new byte[SLOTS][];
        private final Mac[] macs = new Mac[SLOTS];
        private int next;

        Mac forKey(byte[] key) {
            for (int i = 0; i < SLOTS; i++) {
                if (keys[i] != null && Arrays.equals(keys[i], key)) {
                    return macs[i];
                }
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                keys[next] = key.clone();
                macs[next] = mac;
                next = (next + 1) % SLOTS;
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
    }
}
