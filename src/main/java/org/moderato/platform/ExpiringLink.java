package org.moderato.platform;

import java.time.Instant;
import java.util.List;

/**
 * The signature of a capability link that names one record and when it stops working:
 * {@code EXPIRY.HMAC(id:EXPIRY)}. Signed with the first key, checked against all of them, so a key
 * rotation (the site secret's previous generation is still among the keys) breaks no open link.
 */
public final class ExpiringLink {

    private ExpiringLink() {}

    public static String sign(byte[] key, long id, Instant expiresAt) {
        long expiry = expiresAt.getEpochSecond();
        return expiry + "." + Hmac.sha256Hex(key, id + ":" + expiry);
    }

    /** True when {@code signed} was made for {@code id} with one of {@code keys} and has not expired at {@code now}. */
    public static boolean isValid(List<byte[]> keys, long id, String signed, Instant now) {
        if (signed == null || signed.length() > 100) {
            return false;
        }
        int dot = signed.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(signed.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (now.getEpochSecond() > expiry) {
            return false;
        }
        String signature = signed.substring(dot + 1);
        return keys.stream().anyMatch(key -> Hmac.matches(Hmac.sha256Hex(key, id + ":" + expiry), signature));
    }
}
