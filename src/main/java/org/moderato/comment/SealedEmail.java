package org.moderato.comment;

/**
 * An address as it may be stored: AES-GCM ciphertext, its keyed blind index and the id of the site
 * secret both were made with (so a key rotation can find what is left to re-encrypt). Never the plain text.
 */
public record SealedEmail(String ciphertext, String blindIndex, String keyId) {

    public SealedEmail(String ciphertext, String blindIndex) {
        this(ciphertext, blindIndex, null);
    }

    public static final SealedEmail NONE = new SealedEmail(null, null, null);
}
