package org.moderato.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.moderato.platform.Hmac;
import org.moderato.platform.SiteSecret;

/**
 * The author's view of their own pending comment, without a session: the redirect after posting
 * carries {@code unapproved=ID&moderation-hash=EXPIRY.HMAC}, valid for ten minutes.
 */
@ApplicationScoped
public class PendingPreview {

    public static final Duration VALIDITY = Duration.ofMinutes(10);

    @Inject
    SiteSecret siteSecret;

    private byte[] fixedKey;

    public PendingPreview() {}

    public PendingPreview(byte[] key) {
        this.fixedKey = key.clone();
    }

    /** Signed with the current secret; checked against the previous one too, so a key rotation breaks no open link. */
    private List<byte[]> keys() {
        return fixedKey != null ? List.of(fixedKey) : siteSecret.keysFor("pending-preview");
    }

    public String hashFor(long commentId, Instant now) {
        long expiresAt = now.plus(VALIDITY).getEpochSecond();
        return expiresAt + "." + Hmac.sha256Hex(keys().get(0), commentId + ":" + expiresAt);
    }

    public boolean isValid(long commentId, String hash, Instant now) {
        if (hash == null) {
            return false;
        }
        int dot = hash.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(hash.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (now.getEpochSecond() > expiresAt) {
            return false;
        }
        String signature = hash.substring(dot + 1);
        return keys().stream().anyMatch(key -> Hmac.matches(Hmac.sha256Hex(key, commentId + ":" + expiresAt), signature));
    }
}
