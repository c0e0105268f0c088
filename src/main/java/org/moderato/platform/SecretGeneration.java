package org.moderato.platform;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One value of the site secret, with the keys derived from it. It has no id of its own: the id stored
 * beside every address is a random label given to it in the database ({@code EmailKeyIds}), so no stored
 * value is a function of the secret that could be used to test guesses of it cheaply.
 */
public final class SecretGeneration {

    private final byte[] master;
    /** Derived once per purpose: every form token, preview link and avatar asks for its key. */
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    SecretGeneration(byte[] master) {
        this.master = master.clone();
    }

    /** A 256-bit key for one purpose ("email-encryption", "pending-preview", ...). */
    public byte[] keyFor(String purpose) {
        return keys.computeIfAbsent(purpose, p -> derive(master, p)).clone();
    }

    /** Whether both are the same secret (a previous secret equal to the current one is no rotation). */
    public boolean sameAs(SecretGeneration other) {
        return other != null && Arrays.equals(master, other.master);
    }

    /**
     * The HMAC fingerprint that versions before schema V009 stored as the key id: used once, at start-up,
     * to find those rows and relabel them with a random id. Never stored again.
     */
    public String formerFingerprint() {
        return Hmac.sha256Hex(master, "moderato:key-id").substring(0, 16);
    }

    static byte[] derive(byte[] master, String purpose) {
        return HexFormat.of().parseHex(Hmac.sha256Hex(master, "moderato:" + purpose));
    }

    byte[] master() {
        return master.clone();
    }
}
