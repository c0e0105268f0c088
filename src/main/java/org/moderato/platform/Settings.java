package org.moderato.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings from the environment. MicroProfile Config maps {@code MODERATO_DATA_DIR} to
 * {@code moderato.data.dir}, and so on; the README lists every one.
 */
@ApplicationScoped
public class Settings {

    /** The fewest PBKDF2 rounds {@code MODERATO_PASSWORD_ITERATIONS} may ask for. */
    public static final int MIN_PASSWORD_ITERATIONS = 10_000;

    @Inject
    @ConfigProperty(name = "moderato.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "moderato.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "moderato.previous.secret")
    Optional<String> previousSecret;

    @Inject
    @ConfigProperty(name = "moderato.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "moderato.log.query.counts", defaultValue = "false")
    boolean logQueryCounts;

    /** Failed logins allowed per username within the throttle's window (15 minutes). */
    @Inject
    @ConfigProperty(name = "moderato.login.attempts", defaultValue = "5")
    int loginAttemptsPerAccount;

    /** Failed logins allowed per client address within the window. */
    @Inject
    @ConfigProperty(name = "moderato.login.attempts.per.ip", defaultValue = "5")
    int loginAttemptsPerAddress;

    /** PBKDF2 rounds for passwords set from now on (OWASP's 210,000 for HMAC-SHA-512; at least 10,000). */
    @Inject
    @ConfigProperty(name = "moderato.password.iterations", defaultValue = "210000")
    int passwordIterations;

    /** Memory for rendered article pages, in megabytes. */
    @Inject
    @ConfigProperty(name = "moderato.page.cache.mb", defaultValue = "64")
    int pageCacheMegabytes;

    /** Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (addresses and CIDR ranges). */
    @Inject
    @ConfigProperty(name = "moderato.trusted.proxies")
    Optional<String> trustedProxies;

    public String trustedProxies() {
        return trustedProxies.orElse("").strip();
    }

    /** The language of readers' pages (en, de, fr, es, it): WordPress's WPLANG, as a setting of the installation. */
    @Inject
    @ConfigProperty(name = "moderato.language", defaultValue = "en")
    String language;

    /** The site's public address for links that must be absolute (feeds), e.g. https://example.org. */
    @Inject
    @ConfigProperty(name = "moderato.site.url")
    Optional<String> siteUrl;

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** A site secret given by the operator; when absent, one is generated into the data directory. */
    public Optional<String> secret() {
        return secret.filter(s -> !s.isBlank());
    }

    /** Diagnostics: log the number of SQL statements of every request. */
    public boolean logQueryCounts() {
        return logQueryCounts;
    }

    /** The secret before a rotation, while addresses are re-encrypted with the new one. */
    public Optional<String> previousSecret() {
        return previousSecret.filter(s -> !s.isBlank());
    }

    public long pageCacheBytes() {
        return Math.max(1, pageCacheMegabytes) * 1024L * 1024L;
    }

    public int passwordIterations() {
        return Math.max(MIN_PASSWORD_ITERATIONS, passwordIterations);
    }

    public int loginAttemptsPerAccount() {
        return Math.max(1, loginAttemptsPerAccount);
    }

    public int loginAttemptsPerAddress() {
        return Math.max(1, loginAttemptsPerAddress);
    }

    public Optional<String> adminPassword() {
        return adminPassword.filter(s -> !s.isBlank());
    }

    /**
     * The public address without a trailing slash; when not set, this server's own port on localhost.
     * Never the request's Host header: a feed is cached and shared, so a forged Host must not get into it.
     */
    public String language() {
        return language.strip();
    }

    public String siteUrl(int localPort) {
        return siteUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElse("http://localhost:" + localPort);
    }
}
