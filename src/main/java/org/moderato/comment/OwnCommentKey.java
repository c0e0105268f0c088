package org.moderato.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.moderato.platform.ExpiringLink;
import org.moderato.platform.SiteSecret;

/**
 * The author's key to edit or delete their own comment for a few minutes after posting, without a
 * session or an account: a signed link that names the comment and the end of its edit window. Only
 * the page the author is redirected to after posting shows it.
 */
@ApplicationScoped
public class OwnCommentKey {

    @Inject
    SiteSecret siteSecret;

    private List<byte[]> keys() {
        return siteSecret.keysFor("own-comment");
    }

    /** The key for a comment posted at {@code postedAt}, valid while the edit window of {@code minutes} lasts. */
    public String keyFor(long commentId, Instant postedAt, int minutes) {
        return ExpiringLink.sign(keys().get(0), commentId, windowEnd(postedAt, minutes));
    }

    public boolean isValid(long commentId, String key, Instant now) {
        return ExpiringLink.isValid(keys(), commentId, key, now);
    }

    public static Instant windowEnd(Instant postedAt, int minutes) {
        return postedAt.plus(Duration.ofMinutes(minutes));
    }
}
