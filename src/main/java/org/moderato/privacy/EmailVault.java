package org.moderato.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.moderato.platform.AesGcm;
import org.moderato.platform.Hmac;
import org.moderato.platform.SecretGeneration;
import org.moderato.platform.SiteSecret;

/**
 * Encrypts commenters' email addresses (AES-256-GCM, random 96-bit nonce) and computes the keyed
 * blind index (HMAC-SHA-256 of the normalised address) used for every lookup by address.
 *
 * <p>Both keys come from the site secret. While a secret rotation runs, addresses are written with the
 * current keys and read with either; lookups ask for both indexes, so an author is recognised whether
 * their older comments have been re-indexed yet or not.
 */
@ApplicationScoped
public class EmailVault {

    /** The two keys of one secret generation, and its id (stored with each address as {@code email_key_id}). */
    public record Keys(String id, SecretKeySpec encryption, byte[] index) {

        public static Keys of(String id, byte[] encryption, byte[] index) {
            return new Keys(id, new SecretKeySpec(encryption, "AES"), index.clone());
        }

        static Keys of(String id, SecretGeneration generation) {
            return of(id, generation.keyFor("email-encryption"), generation.keyFor("email-index"));
        }
    }

    /** An address sealed for storage: ciphertext, blind index and the id of the key that made both. */
    public record Sealed(String ciphertext, String blindIndex, String keyId) {}

    /** An address read back, and whether the current key could read it (false: only the previous one). */
    public record Opened(String address, boolean withCurrentKey) {}

    private record Keyring(SecretGeneration currentSource, SecretGeneration previousSource, Keys current, Keys previous) {}

    @Inject
    SiteSecret siteSecret;

    @Inject
    EmailKeyIds keyIds;

    private volatile Keyring fixed;
    private volatile Keyring cached;

    public EmailVault() {}

    /** For tests and tools outside the container: one fixed pair of keys. */
    public EmailVault(byte[] encryptionKey, byte[] indexKey) {
        this(Keys.of("fixed", encryptionKey, indexKey), null);
    }

    /** For tests: a rotation in progress, {@code previous} may be null. */
    public EmailVault(Keys current, Keys previous) {
        this.fixed = new Keyring(null, null, current, previous);
    }

    private Keyring keyring() {
        if (fixed != null) {
            return fixed;
        }
        SecretGeneration current = siteSecret.current();
        SecretGeneration previous = siteSecret.previous().orElse(null);
        Keyring keyring = cached;
        if (keyring == null || keyring.currentSource() != current || keyring.previousSource() != previous) {
            keyring = new Keyring(current, previous, Keys.of(keyIds.idOf(current), current),
                    previous == null ? null : Keys.of(keyIds.idOf(previous), previous));
            cached = keyring;
        }
        return keyring;
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The id of the key new addresses are encrypted and indexed with. */
    public String keyId() {
        return keyring().current().id();
    }

    /** The id of the previous key while a rotation runs. */
    public Optional<String> previousKeyId() {
        return Optional.ofNullable(keyring().previous()).map(Keys::id);
    }

    public String blindIndex(String email) {
        return indexWith(keyring().current(), email);
    }

    /** Every index this address may be stored under now: the current one, and the previous one during a rotation. */
    public List<String> lookupIndexes(String email) {
        Keyring keyring = keyring();
        List<String> indexes = new ArrayList<>(2);
        indexes.add(indexWith(keyring.current(), email));
        if (keyring.previous() != null) {
            indexes.add(indexWith(keyring.previous(), email));
        }
        return indexes;
    }

    /** The index of this address under the previous key, while a rotation runs. */
    public Optional<String> previousBlindIndex(String email) {
        return Optional.ofNullable(keyring().previous()).map(keys -> indexWith(keys, email));
    }

    private static String indexWith(Keys keys, String email) {
        return Hmac.sha256Hex(keys.index(), normalise(email));
    }

    /** Encrypts and indexes with one snapshot of the keys, so a rotation in between cannot mislabel the row. */
    public Sealed seal(String email) {
        Keys keys = keyring().current();
        return new Sealed(encryptWith(keys.encryption(), email), indexWith(keys, email), keys.id());
    }

    public String encrypt(String email) {
        return encryptWith(keyring().current().encryption(), email);
    }

    static String encryptWith(SecretKeySpec key, String email) {
        return AesGcm.seal(key, email.strip(), null);
    }

    /** Empty when neither the current nor the previous key can read it (a lost or replaced key file). */
    public Optional<String> decrypt(String ciphertext) {
        return open(ciphertext).map(Opened::address);
    }

    /** Reads an address with the current key, else with the previous one; the tag check tells a wrong key. */
    public Optional<Opened> open(String ciphertext) {
        if (ciphertext == null) {
            return Optional.empty();
        }
        Keyring keyring = keyring();
        Optional<String> withCurrent = decryptWith(keyring.current().encryption(), ciphertext);
        if (withCurrent.isPresent()) {
            return Optional.of(new Opened(withCurrent.get(), true));
        }
        return keyring.previous() == null ? Optional.empty()
                : decryptWith(keyring.previous().encryption(), ciphertext).map(address -> new Opened(address, false));
    }

    static Optional<String> decryptWith(SecretKeySpec key, String ciphertext) {
        return AesGcm.open(key, ciphertext, null);
    }

    /** What a moderator sees: the masked address, or "unknown" when it cannot be decrypted. */
    public String maskedForModerator(String ciphertext) {
        return decrypt(ciphertext).map(EmailMask::mask).orElse("unknown");
    }
}
