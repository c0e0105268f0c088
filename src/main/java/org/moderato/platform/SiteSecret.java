package org.moderato.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The site's master secret: {@code MODERATO_SECRET} when set, otherwise 32 random bytes generated at
 * first start into {@code secret.key} in the data directory (owner-only) and reused after.
 * Every key the app needs is derived from it by purpose, so one value has to be backed up.
 *
 * <p>During a rotation there is also a previous secret ({@code MODERATO_PREVIOUS_SECRET} or
 * {@code secret.key.previous}): new data uses the current one, old data stays readable with the
 * previous one until it has been re-encrypted, then the previous one is forgotten.
 */
@ApplicationScoped
public class SiteSecret {

    /** The shortest {@code MODERATO_SECRET} accepted: 32 characters (a 32-byte random value in base64 has 44). */
    public static final int MIN_SECRET_CHARACTERS = 32;
    static final String KEY_FILE = "secret.key";
    static final String PREVIOUS_KEY_FILE = "secret.key.previous";
    private static final Logger LOG = Logger.getLogger(SiteSecret.class.getName());

    /** Where the current secret comes from; only a generated file can be rotated from inside the app. */
    public enum Source { ENVIRONMENT, FILE }

    @Inject
    Settings settings;

    /** Null in unit tests that make a SiteSecret by hand. */
    @Inject
    Event<PreviousSecretForgetting> forgetting;

    private Source source;
    private Path dataDir;
    private boolean previousFromEnvironment;
    // volatile, written under the lock: readers take a consistent snapshot without locking
    private volatile SecretGeneration current;
    private volatile SecretGeneration previous;

    public SiteSecret() {}

    /** For tests: a secret kept in files in {@code dataDir}, as when MODERATO_SECRET is not set. */
    static SiteSecret inDirectory(Path dataDir) {
        SiteSecret secret = new SiteSecret();
        secret.init(dataDir, Optional.empty(), Optional.empty());
        return secret;
    }

    /** For tests: a secret as the operator gives it in the environment. */
    static SiteSecret fromEnvironment(Path dataDir, String secret) {
        SiteSecret siteSecret = new SiteSecret();
        siteSecret.init(dataDir, Optional.of(secret), Optional.empty());
        return siteSecret;
    }

    @PostConstruct
    void load() {
        init(settings.dataDir(), settings.secret(), settings.previousSecret());
    }

    private void init(Path dataDir, Optional<String> fromEnvironment, Optional<String> previousFromEnvironment) {
        fromEnvironment.ifPresent(SiteSecret::requireLongEnough);
        this.dataDir = dataDir;
        this.source = fromEnvironment.isPresent() ? Source.ENVIRONMENT : Source.FILE;
        this.current = new SecretGeneration(fromEnvironment
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> loadOrCreate(dataDir.resolve(KEY_FILE))));
        this.previousFromEnvironment = previousFromEnvironment.isPresent();
        this.previous = previousFromEnvironment
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .or(() -> loadIfPresent(dataDir.resolve(PREVIOUS_KEY_FILE)))
                .map(SecretGeneration::new)
                .filter(p -> !p.sameAs(current))
                .orElse(null);
    }

    /**
     * A short secret can be guessed offline by anyone holding a copy of the database (every encrypted
     * address tells a right guess from a wrong one), so it stops the start. The previous secret is not
     * checked: it is on its way out, and refusing it would block the rotation away from it.
     */
    private static void requireLongEnough(String secret) {
        int length = secret.codePointCount(0, secret.length());
        if (length < MIN_SECRET_CHARACTERS) {
            String message = "MODERATO_SECRET is " + length + " characters long; it must have at least " + MIN_SECRET_CHARACTERS
                    + " (for example the output of `openssl rand -base64 32`). Moderato does not start with a shorter secret.";
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
    }

    /** Created at start-up, not at the first comment, so the key file exists to be backed up from day one. */
    void createAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing the event is enough: the container has constructed this bean by now
    }

    /** A 256-bit key for one purpose ("email-encryption", "pending-link", ...), from the current secret. */
    public byte[] keyFor(String purpose) {
        return current.keyFor(purpose);
    }

    /** Keys to check a signature with: the current secret's, then the previous one's during a rotation. */
    public List<byte[]> keysFor(String purpose) {
        SecretGeneration previousNow = previous;
        List<byte[]> keys = new ArrayList<>(2);
        keys.add(current.keyFor(purpose));
        if (previousNow != null) {
            keys.add(previousNow.keyFor(purpose));
        }
        return keys;
    }

    public SecretGeneration current() {
        return current;
    }

    public Optional<SecretGeneration> previous() {
        return Optional.ofNullable(previous);
    }

    public Source source() {
        return source;
    }

    /**
     * Replaces a generated secret with a fresh one and keeps the old one as the previous secret until
     * {@link #forgetPrevious()}. The old value is written to its file before the new one replaces it, so
     * a crash at any point leaves every address readable at the next start.
     */
    public synchronized void rotate() {
        if (source == Source.ENVIRONMENT) {
            throw new SecretRotationRefused("The site secret comes from MODERATO_SECRET, so Moderato cannot replace it itself."
                    + " Set the new value in MODERATO_SECRET and the old one in MODERATO_PREVIOUS_SECRET, then restart:"
                    + " the addresses are re-encrypted in the background.");
        }
        if (previous != null) {
            throw new SecretRotationRefused("The previous rotation has not finished yet: wait until every address uses the current key.");
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            OwnerOnlyFiles.write(dataDir.resolve(PREVIOUS_KEY_FILE), Base64.getEncoder().encodeToString(current.master()) + "\n");
            OwnerOnlyFiles.write(dataDir.resolve(KEY_FILE), Base64.getEncoder().encodeToString(fresh) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the new site secret to " + dataDir, e);
        }
        // previous first: a reader in between sees the old secret twice, never a missing one
        previous = current;
        current = new SecretGeneration(fresh);
        LOG.info("Site secret rotated; re-encryption follows.");
    }

    /**
     * Called when no address uses the previous secret any more: what else was sealed with it is sealed
     * again first ({@link PreviousSecretForgetting}), then its file is deleted.
     */
    public synchronized void forgetPrevious() {
        if (previous == null) {
            return;
        }
        if (forgetting != null) {
            forgetting.fire(new PreviousSecretForgetting());
        }
        try {
            Files.deleteIfExists(dataDir.resolve(PREVIOUS_KEY_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dataDir.resolve(PREVIOUS_KEY_FILE), e);
        }
        previous = null;
        LOG.info(() -> "Previous site secret forgotten: every readable address uses the current one."
                + (previousFromEnvironment ? " Remove MODERATO_PREVIOUS_SECRET before the next restart." : ""));
    }

    /** True when the previous secret was given as MODERATO_PREVIOUS_SECRET (the operator removes it). */
    public boolean previousFromEnvironment() {
        return previousFromEnvironment;
    }

    public static byte[] derive(byte[] master, String purpose) {
        return SecretGeneration.derive(master, purpose);
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

    private static Optional<byte[]> loadIfPresent(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Base64.getDecoder().decode(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the previous site secret " + file, e);
        }
    }
}
