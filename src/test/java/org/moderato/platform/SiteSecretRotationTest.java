package org.moderato.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteSecretRotationTest {

    @Test
    void rotationKeepsTheOldSecretInAnOwnerOnlyFileUntilItIsForgotten(@TempDir Path dir) throws Exception {
        SiteSecret secret = SiteSecret.inDirectory(dir);
        SecretGeneration before = secret.current();
        byte[] oldKey = secret.keyFor("email-encryption");
        assertEquals(Optional.empty(), secret.previous());

        secret.rotate();

        assertFalse(before.sameAs(secret.current()));
        assertTrue(before.sameAs(secret.previous().orElseThrow()));
        assertFalse(java.util.Arrays.equals(oldKey, secret.keyFor("email-encryption")));
        List<byte[]> keys = secret.keysFor("email-encryption");
        assertEquals(2, keys.size());
        assertArrayEquals(oldKey, keys.get(1), "the previous secret's key still verifies and decrypts");
        Path previousFile = dir.resolve(SiteSecret.PREVIOUS_KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(previousFile)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SiteSecret.KEY_FILE))));

        SiteSecret afterRestart = SiteSecret.inDirectory(dir);
        assertTrue(secret.current().sameAs(afterRestart.current()), "a restart in the middle reads both files");
        assertTrue(before.sameAs(afterRestart.previous().orElseThrow()));

        assertThrows(SecretRotationRefused.class, secret::rotate, "one rotation at a time");
        secret.forgetPrevious();
        assertEquals(Optional.empty(), secret.previous());
        assertFalse(Files.exists(previousFile));
        assertEquals(1, secret.keysFor("email-encryption").size());
        assertEquals(Optional.empty(), SiteSecret.inDirectory(dir).previous());
    }

    @Test
    void aShortSecretStopsTheStartWithTheRule(@TempDir Path dir) {
        String shortSecret = "s".repeat(SiteSecret.MIN_SECRET_CHARACTERS - 1);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SiteSecret.fromEnvironment(dir, shortSecret));
        assertEquals("MODERATO_SECRET is 31 characters long; it must have at least 32 (for example the output of"
                + " `openssl rand -base64 32`). Moderato does not start with a shorter secret.", refused.getMessage());
        String exactly = "s".repeat(SiteSecret.MIN_SECRET_CHARACTERS);
        assertEquals(SiteSecret.Source.ENVIRONMENT, SiteSecret.fromEnvironment(dir, exactly).source());
        assertFalse(Files.exists(dir.resolve(SiteSecret.KEY_FILE)), "an accepted environment secret writes no file");
    }
}
