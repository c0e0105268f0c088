package org.moderato.platform;

import java.util.HexFormat;

/**
 * One value of the site secret, with the keys derived from it. Its id is a fingerprint (an HMAC under
 * the secret itself, so it says nothing about the secret) stored beside every address it encrypted,
 * which is how a rotation knows which rows still use an older secret.
 */
public final class SecretGeneration {

    private final byte[] master;
    private final String id;

    SecretGeneration(byte[] master) {
        this.master = master.clone();
        this.id = Hmac.sha256Hex(master, "moderato:key-id").substring(0, 16);
    }

    public String id() {
        return id;
    }

    /** A 256-bit key for one purpose ("email-encryption", "pending-preview", ...). */
    public byte[] keyFor(String purpose) {
        return derive(master, purpose);
    }

    static byte[] derive(byte[] master, String purpose) {
        return HexFormat.of().parseHex(Hmac.sha256Hex(master, "moderato:" + purpose));
    }

    byte[] master() {
        return master.clone();
    }
}
