package org.moderato.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes files that hold secrets, readable and writable by their owner only (mode 0600); replaces any old one. */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {}

    public static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        var ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        Files.deleteIfExists(file);
        // created with the mode already set, so the secret is never readable by others, not even briefly
        Files.createFile(file, ownerOnly);
        Files.writeString(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
