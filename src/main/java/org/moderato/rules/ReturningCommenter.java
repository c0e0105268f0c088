package org.moderato.rules;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.moderato.platform.Hmac;

/**
 * The "returning commenter" token a reader's browser keeps after posting (when they tick "Save my
 * name, email, and website"): {@code commentId.HMAC(commentId:emailIndex)}. Trust needs it, not the
 * address alone: whoever knows a regular's address has no token that names one of that regular's
 * approved comments under that address's blind index. Stateless, so nothing is stored per reader.
 */
public final class ReturningCommenter {

    /** Current key first (it signs), then the previous one during a key rotation (it still verifies). */
    private final Supplier<List<byte[]>> keys;

    public ReturningCommenter(Supplier<List<byte[]>> keys) {
        this.keys = keys;
    }

    public String issue(long commentId, String emailIndex) {
        return commentId + "." + Hmac.sha256Hex(keys.get().get(0), commentId + ":" + emailIndex);
    }

    /**
     * The comment a token names, when it was signed by this site for one of the given blind indexes
     * (a submission's address has two while the email key is being rotated).
     */
    public Optional<Long> commentOf(String token, Collection<String> emailIndexes) {
        if (token == null || !token.matches("[1-9]\\d{0,17}\\.[0-9a-f]{64}")) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        long commentId = Long.parseLong(token.substring(0, dot));
        String signature = token.substring(dot + 1);
        boolean genuine = keys.get().stream().anyMatch(key -> emailIndexes.stream()
                .anyMatch(index -> Hmac.matches(Hmac.sha256Hex(key, commentId + ":" + index), signature)));
        return genuine ? Optional.of(commentId) : Optional.empty();
    }
}
