package org.moderato.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailVaultTest {

    private final EmailVault vault = new EmailVault("e".repeat(32).getBytes(), "i".repeat(32).getBytes());

    @Test
    void encryptsAndDecryptsAnAddress() {
        String sealed = vault.encrypt("jane@example.com");
        assertEquals(Optional.of("jane@example.com"), vault.decrypt(sealed));
        assertFalse(sealed.contains("jane"));
        assertFalse(new String(Base64.getDecoder().decode(sealed)).contains("jane"));
    }

    @Test
    void theSameAddressEncryptsDifferentlyEachTime() {
        assertNotEquals(vault.encrypt("jane@example.com"), vault.encrypt("jane@example.com"));
    }

    @Test
    void theBlindIndexIsStableKeyedAndIgnoresCaseAndSpaces() {
        String index = vault.blindIndex("jane@example.com");
        assertEquals(index, vault.blindIndex("  Jane@Example.COM "));
        assertEquals(64, index.length());
        EmailVault otherSite = new EmailVault("e".repeat(32).getBytes(), "j".repeat(32).getBytes());
        assertNotEquals(index, otherSite.blindIndex("jane@example.com"));
    }

    @Test
    void aLostKeyMakesAddressesUnreadableNotTheSiteBroken() {
        String sealed = vault.encrypt("jane@example.com");
        EmailVault newKey = new EmailVault("n".repeat(32).getBytes(), "i".repeat(32).getBytes());
        assertEquals(Optional.empty(), newKey.decrypt(sealed));
        assertEquals("unknown", newKey.maskedForModerator(sealed));
        assertEquals("unknown", vault.maskedForModerator("not base64 !"));
        assertTrue(vault.maskedForModerator(sealed).startsWith("j•••@"));
    }

    @Test
    void duringARotationOldAddressesStayReadableAndBothIndexesAreLookedUp() {
        EmailVault.Keys old = EmailVault.Keys.of("old", "o".repeat(32).getBytes(), "p".repeat(32).getBytes());
        EmailVault.Keys fresh = EmailVault.Keys.of("new", "n".repeat(32).getBytes(), "m".repeat(32).getBytes());
        EmailVault before = new EmailVault(old, null);
        EmailVault during = new EmailVault(fresh, old);
        EmailVault after = new EmailVault(fresh, null);
        String sealedBefore = before.encrypt("jane@example.com");

        assertEquals(Optional.of(new EmailVault.Opened("jane@example.com", false)), during.open(sealedBefore));
        EmailVault.Sealed resealed = during.seal("Jane@Example.com");
        assertEquals("new", resealed.keyId());
        assertEquals(Optional.of(new EmailVault.Opened("Jane@Example.com", true)), during.open(resealed.ciphertext()));
        assertEquals(java.util.List.of(after.blindIndex("jane@example.com"), before.blindIndex("jane@example.com")),
                during.lookupIndexes("JANE@example.com"));
        assertEquals(Optional.of("new"), java.util.Optional.of(during.keyId()));
        assertEquals(Optional.of("old"), during.previousKeyId());

        assertEquals(Optional.empty(), after.decrypt(sealedBefore), "once the previous key is forgotten, old ciphertext is dead");
        assertEquals(Optional.of("Jane@Example.com"), after.decrypt(resealed.ciphertext()));
        assertEquals(java.util.List.of(after.blindIndex("jane@example.com")), after.lookupIndexes("jane@example.com"));
    }
}
