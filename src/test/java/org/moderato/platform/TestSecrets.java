package org.moderato.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.moderato.privacy.EmailVault;

/**
 * The email keys a server derives from its secret, for tests that read or seed its database directly.
 * Their id is the fingerprint versions before V009 stored: seeded rows look like an old database's,
 * which the server relabels with its random key id at start-up.
 */
public final class TestSecrets {

    private TestSecrets() {}

    /** Keys for a secret given as MODERATO_SECRET. */
    public static EmailVault.Keys fromEnvironmentValue(String secret) {
        return keysOf(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Keys for a generated {@code secret.key} (or {@code secret.key.previous}) file. */
    public static EmailVault.Keys fromKeyFile(Path file) throws IOException {
        return keysOf(Base64.getDecoder().decode(Files.readString(file).trim()));
    }

    /** A value sealed for {@code purpose} ({@link SealedValues}), opened with the secret of a {@code secret.key} file only. */
    public static Optional<String> openSealed(Path keyFile, String purpose, String stored) throws IOException {
        SecretGeneration generation = new SecretGeneration(Base64.getDecoder().decode(Files.readString(keyFile).trim()));
        return SealedValues.openWith(List.of(generation.keyFor(SealedValues.keyPurpose(purpose))), purpose, stored)
                .map(SealedValues.Opened::value);
    }

    private static EmailVault.Keys keysOf(byte[] master) {
        SecretGeneration generation = new SecretGeneration(master);
        return EmailVault.Keys.of(generation.formerFingerprint(), generation.keyFor("email-encryption"), generation.keyFor("email-index"));
    }
}
