package org.moderato.privacy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.moderato.platform.Hmac;
import org.moderato.platform.Randomness;
import org.moderato.platform.SiteSecret;

/**
 * Encrypts commenters' email addresses (AES-256-GCM, random 96-bit nonce) and computes the keyed
 * blind index (HMAC-SHA-256 of the normalised address) used for every lookup by address.
 */
@ApplicationScoped
public class EmailVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    SiteSecret siteSecret;

    private SecretKeySpec encryptionKey;
    private byte[] indexKey;

    public EmailVault() {}

    /** For tests and tools outside the container. */
    public EmailVault(byte[] encryptionKey, byte[] indexKey) {
        this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
        this.indexKey = indexKey.clone();
    }

    @PostConstruct
    void init() {
        encryptionKey = new SecretKeySpec(siteSecret.keyFor("email-encryption"), "AES");
        indexKey = siteSecret.keyFor("email-index");
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public String blindIndex(String email) {
        return Hmac.sha256Hex(indexKey, normalise(email));
    }

    public String encrypt(String email) {
        try {
            byte[] nonce = Randomness.bytes(NONCE_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(email.strip().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Empty when the ciphertext was made with another key (a lost or replaced key file). */
    public Optional<String> decrypt(String ciphertext) {
        if (ciphertext == null) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return Optional.of(new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What a moderator sees: the masked address, or "unknown" when it cannot be decrypted. */
    public String maskedForModerator(String ciphertext) {
        return decrypt(ciphertext).map(EmailMask::mask).orElse("unknown");
    }
}
