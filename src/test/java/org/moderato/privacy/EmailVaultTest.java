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
}
