package org.moderato.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.moderato.platform.Hmac;
import org.moderato.platform.MailSettings;
import org.moderato.platform.SiteSecret;

/**
 * The signed links of messages, which work without a login: confirming a subscription (valid a week),
 * and unsubscribing from one thread or from everything (valid as long as the mail is kept). A token is
 * its payload and an HMAC of it with a key of its own from the site secret (the previous secret's key
 * is accepted during a rotation); it names a subscription or a blind index, never an address.
 */
@ApplicationScoped
public class MailLinks {

    static final Duration CONFIRM_VALIDITY = Duration.ofDays(7);
    private static final String PURPOSE = "mail-links";
    private static final Pattern TOKEN = Pattern.compile("(c\\.\\d{1,18}\\.\\d{1,12}|t\\.\\d{1,18}|a\\.[0-9a-f]{64})\\.([0-9a-f]{64})");

    /** What a valid token asks for. */
    public sealed interface Request permits Confirm, LeaveThread, LeaveAll {}

    public record Confirm(long subscriptionId) implements Request {}

    public record LeaveThread(long subscriptionId) implements Request {}

    public record LeaveAll(String emailIndex) implements Request {}

    @Inject
    SiteSecret siteSecret;

    @Inject
    MailSettings settings;

    private byte[] fixedKey;
    private String fixedSiteUrl;

    public MailLinks() {}

    /** For tests: one key and a site address, no container. */
    MailLinks(byte[] key, String siteUrl) {
        this.fixedKey = key.clone();
        this.fixedSiteUrl = siteUrl;
    }

    /** Signed with the current secret; the previous one's key is accepted too, so a rotation breaks no link in a mail. */
    private List<byte[]> keys() {
        return fixedKey != null ? List.of(fixedKey) : siteSecret.keysFor(PURPOSE);
    }

    private String siteUrl() {
        return fixedSiteUrl != null ? fixedSiteUrl : settings.siteUrl();
    }

    public String confirmUrl(long subscriptionId, Instant now) {
        return siteUrl() + "/mail/confirm?t=" + sign("c." + subscriptionId + "." + now.plus(CONFIRM_VALIDITY).getEpochSecond());
    }

    public String leaveThreadUrl(long subscriptionId) {
        return siteUrl() + "/mail/unsubscribe?t=" + sign("t." + subscriptionId);
    }

    public String leaveAllUrl(String emailIndex) {
        return siteUrl() + "/mail/unsubscribe?t=" + sign("a." + emailIndex);
    }

    /** The token's request when its signature holds (and a confirmation has not expired). */
    public Optional<Request> read(String token, Instant now) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        Matcher parts = TOKEN.matcher(token);
        if (!parts.matches()) {
            return Optional.empty();
        }
        String payload = parts.group(1);
        if (keys().stream().noneMatch(key -> Hmac.matches(Hmac.sha256Hex(key, payload), parts.group(2)))) {
            return Optional.empty();
        }
        String[] fields = payload.split("\\.");
        return switch (fields[0]) {
            case "c" -> Long.parseLong(fields[2]) < now.getEpochSecond() ? Optional.empty()
                    : Optional.of(new Confirm(Long.parseLong(fields[1])));
            case "t" -> Optional.of(new LeaveThread(Long.parseLong(fields[1])));
            default -> Optional.of(new LeaveAll(fields[1]));
        };
    }

    private String sign(String payload) {
        return payload + "." + Hmac.sha256Hex(keys().get(0), payload);
    }
}
