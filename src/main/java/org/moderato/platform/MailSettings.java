package org.moderato.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP settings ({@code MODERATO_SMTP_*}, {@code MODERATO_MAIL_FROM}, {@code MODERATO_SITE_URL}).
 * Without {@code MODERATO_SMTP_HOST} mail is off: nothing is queued and no page mentions it. Here, in
 * {@code platform}, because the comment form must know whether to offer the boxes without depending
 * on the mail feature (which depends on comments).
 */
@Named("mailSettings")
@ApplicationScoped
public class MailSettings {

    /** How the connection to the SMTP server is protected. */
    public enum Tls { STARTTLS, TLS, NONE }

    @Inject
    @ConfigProperty(name = "moderato.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "moderato.smtp.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "moderato.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "moderato.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "moderato.smtp.tls", defaultValue = "starttls")
    String tls;

    @Inject
    @ConfigProperty(name = "moderato.mail.from")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "moderato.site.name", defaultValue = "Moderato")
    String siteName;

    @Inject
    @ConfigProperty(name = "moderato.site.url")
    Optional<String> siteUrl;

    /** bin/serve exports the port it was given, for links when no site URL is set. */
    @Inject
    @ConfigProperty(name = "moderato.port", defaultValue = "8080")
    int localPort;

    /** The first wait before a failed message is tried again; it doubles up to {@link #maxRetrySeconds}. */
    @Inject
    @ConfigProperty(name = "moderato.mail.retry.seconds", defaultValue = "60")
    int retrySeconds;

    /** Notifications one reader's address gets in 24 hours at most; the rest are not sent. */
    @Inject
    @ConfigProperty(name = "moderato.mail.daily.limit", defaultValue = "30")
    int dailyLimit;

    public boolean isOn() {
        return host().isPresent();
    }

    public Optional<String> host() {
        return host.map(String::strip).filter(h -> !h.isEmpty());
    }

    public int port() { return port; }

    public Optional<String> user() { return user.map(String::strip).filter(u -> !u.isEmpty()); }

    public Optional<String> password() { return password.filter(p -> !p.isEmpty()); }

    public Tls tls() {
        try {
            return Tls.valueOf(tls.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException("MODERATO_SMTP_TLS must be starttls, tls or none, not '" + tls + "'");
        }
    }

    /** The sender's address; by default {@code moderato@} the site's host name. */
    public String from() {
        return from.map(String::strip).filter(f -> !f.isEmpty()).orElse("moderato@" + siteHost());
    }

    public String siteName() { return siteName.strip(); }

    /** The public address without a trailing slash, for the links in messages. */
    public String siteUrl() {
        return siteUrl.map(String::strip).filter(u -> !u.isEmpty())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElse("http://localhost:" + localPort);
    }

    /** The host part of the site's address: the right-hand side of every Message-ID. */
    public String siteHost() {
        try {
            String host = java.net.URI.create(siteUrl()).getHost();
            return host == null ? "localhost" : host;
        } catch (IllegalArgumentException notAUrl) {
            return "localhost";
        }
    }

    public int retrySeconds() { return Math.max(1, retrySeconds); }

    /** Half an hour between tries at most. */
    public int maxRetrySeconds() { return Math.max(retrySeconds(), 1800); }

    public int dailyLimit() { return Math.max(1, dailyLimit); }
}
