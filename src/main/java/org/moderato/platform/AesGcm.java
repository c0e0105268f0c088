package org.moderato.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce, as base64 of nonce and ciphertext: what the app stores and must
 * read back (commenters' addresses, webhook secrets). The tag check tells a wrong key or a changed value.
 */
public final class AesGcm {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private AesGcm() {}

    /** {@code context}, when given, is bound to the value: it opens only with the same context (null: none). */
    public static String seal(SecretKeySpec key, String text, byte[] context) {
        try {
            byte[] nonce = Randomness.bytes(NONCE_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            if (context != null) {
                cipher.updateAAD(context);
            }
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Empty when the key or the context is not the one it was sealed with, or the value is not such a text. */
    public static Optional<String> open(SecretKeySpec key, String sealed, byte[] context) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            if (all.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            if (context != null) {
                cipher.updateAAD(context);
            }
            return Optional.of(new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
