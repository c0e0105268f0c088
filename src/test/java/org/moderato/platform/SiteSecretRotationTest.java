package org.moderato.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

        assertNotEquals(before.id(), secret.current().id());
        assertEquals(before.id(), secret.previous().orElseThrow().id());
        assertFalse(java.util.Arrays.equals(oldKey, secret.keyFor("email-encryption")));
        List<byte[]> keys = secret.keysFor("email-encryption");
        assertEquals(2, keys.size());
        assertArrayEquals(oldKey, keys.get(1), "the previous secret's key still verifies and decrypts");
        Path previousFile = dir.resolve(SiteSecret.PREVIOUS_KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(previousFile)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SiteSecret.KEY_FILE))));

        SiteSecret afterRestart = SiteSecret.inDirectory(dir);
        assertEquals(secret.current().id(), afterRestart.current().id(), "a restart in the middle reads both files");
        assertEquals(before.id(), afterRestart.previous().orElseThrow().id());

        assertThrows(SecretRotationRefused.class, secret::rotate, "one rotation at a time");
        secret.forgetPrevious();
        assertEquals(Optional.empty(), secret.previous());
        assertFalse(Files.exists(previousFile));
        assertEquals(1, secret.keysFor("email-encryption").size());
        assertEquals(Optional.empty(), SiteSecret.inDirectory(dir).previous());
    }

    @Test
    void theKeyIdIsAStableFingerprintThatDoesNotRevealTheSecret(@TempDir Path dir) {
        SiteSecret secret = SiteSecret.inDirectory(dir);
        String id = secret.current().id();
        assertEquals(16, id.length());
        assertEquals(id, SiteSecret.inDirectory(dir).current().id());
        assertTrue(id.matches("[0-9a-f]{16}"));
    }
}
