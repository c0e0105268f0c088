package org.moderato.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.moderato.platform.ExpiringLink;
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
        return ExpiringLink.sign(keys().get(0), commentId, now.plus(VALIDITY));
    }

    public boolean isValid(long commentId, String hash, Instant now) {
        return ExpiringLink.isValid(keys(), commentId, hash, now);
    }
}
