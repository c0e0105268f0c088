package org.moderato.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteSecretTest {

    @Test
    void generatesAnOwnerOnlyKeyFileOnceAndReusesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve(SiteSecret.KEY_FILE);
        byte[] first = SiteSecret.loadOrCreate(file);
        assertEquals(32, first.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(first, SiteSecret.loadOrCreate(file));
    }

    @Test
    void eachPurposeGetsItsOwnKey() {
        byte[] master = "m".repeat(32).getBytes();
        byte[] email = SiteSecret.derive(master, "email-encryption");
        assertEquals(32, email.length);
        assertFalse(Arrays.equals(email, SiteSecret.derive(master, "pending-preview")));
        assertArrayEquals(email, SiteSecret.derive(master, "email-encryption"));
    }
}
