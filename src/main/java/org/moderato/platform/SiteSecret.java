package org.moderato.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The site's master secret: {@code MODERATO_SECRET} when set, otherwise 32 random bytes generated at
 * first start into {@code secret.key} in the data directory (owner-only) and reused after.
 * Every key the app needs is derived from it by purpose, so one value has to be backed up.
 */
@ApplicationScoped
public class SiteSecret {

    static final String KEY_FILE = "secret.key";

    @Inject
    Settings settings;

    private byte[] master;

    @PostConstruct
    void load() {
        master = settings.secret()
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> loadOrCreate(settings.dataDir().resolve(KEY_FILE)));
    }

    /** Created at start-up, not at the first comment, so the key file exists to be backed up from day one. */
    void createAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing the event is enough: the container has constructed this bean by now
    }

    /** A 256-bit key for one purpose ("email-encryption", "pending-link", ...). */
    public byte[] keyFor(String purpose) {
        return derive(master, purpose);
    }

    public static byte[] derive(byte[] master, String purpose) {
        return HexFormat.of().parseHex(Hmac.sha256Hex(master, "moderato:" + purpose));
    }

    static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            OwnerOnlyFiles.write(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the site secret " + file, e);
        }
    }
}
