package org.moderato.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.moderato.platform.Hmac;
import org.moderato.platform.Randomness;

/**
 * The bot check without a captcha and without a session: the comment form carries
 * {@code article.issued.nonce.signature}. A form posted too soon after it was served, too late,
 * for another article, or with a forged signature is not from a reader who read the page.
 */
public final class FormToken {

    /**
     * The nonce only has to be unique (the signature is what cannot be forged): six random bytes drawn
     * when this process started, then a six-byte counter that never wraps. A DRBG draw per served page
     * cost a quarter of issuing a token.
     */
    private static final byte[] PROCESS_NONCE = Randomness.bytes(6);
    private static final AtomicLong ISSUED = new AtomicLong();

    /** Current key first (it signs), then the previous one during a key rotation (it still verifies). */
    private final Supplier<List<byte[]>> keys;

    public FormToken(byte[] key) {
        byte[] fixed = key.clone();
        this.keys = () -> List.of(fixed);
    }

    public FormToken(Supplier<List<byte[]>> keys) {
        this.keys = keys;
    }

    /** A new token for a form served now; a few microseconds, so cached pages get a fresh one each time. */
    public String issue(long articleId, Instant now) {
        byte[] nonce = Arrays.copyOf(PROCESS_NONCE, 12);
        long count = ISSUED.getAndIncrement();
        for (int i = 11; i >= 6; i--, count >>>= 8) {
            nonce[i] = (byte) count;
        }
        String body = articleId + "." + now.getEpochSecond() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return body + "." + Hmac.sha256Hex(keys.get().get(0), body);
    }

    /** The article a token was issued for, or -1 when it is not a token. */
    public static long articleOf(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        return parts.length == 4 && parts[0].matches("\\d{1,18}") ? Long.parseLong(parts[0]) : -1;
    }

    /** Empty when the token is good; otherwise what is wrong with it, for the log and the moderators. */
    public Optional<String> problem(String token, long articleId, Instant now, Duration minAge, Duration maxAge) {
        if (token == null || token.isBlank()) {
            return Optional.of("no form token");
        }
        String[] parts = token.split("\\.");
        if (parts.length != 4) {
            return Optional.of("malformed form token");
        }
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        if (keys.get().stream().noneMatch(key -> Hmac.matches(Hmac.sha256Hex(key, body), parts[3]))) {
            return Optional.of("forged form token");
        }
        if (!parts[0].equals(Long.toString(articleId))) {
            return Optional.of("form token of another article");
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        Duration age = Duration.between(issued, now);
        if (age.compareTo(minAge) < 0) {
            return Optional.of("form sent " + Math.max(0, age.toMillis()) / 1000.0 + " s after it was served (minimum " + minAge.toSeconds() + " s)");
        }
        if (age.compareTo(maxAge) > 0) {
            return Optional.of("form older than " + maxAge.toHours() + " h");
        }
        return Optional.empty();
    }

    /**
     * Whether this site signed the token (whatever its age or article): only such a token's nonce is
     * worth recording as spent, so made-up tokens cannot fill the table.
     */
    public boolean isSigned(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        return parts.length == 4 && parts[0].matches("\\d{1,18}") && parts[1].matches("\\d{1,18}")
                && keys.get().stream().anyMatch(key -> Hmac.matches(Hmac.sha256Hex(key, parts[0] + "." + parts[1] + "." + parts[2]), parts[3]));
    }

    /** The token's one-time part: the service stores it as the key of a row, so a second use cannot be stored. */
    public static String nonceOf(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        return parts.length == 4 ? parts[2] : "";
    }
}
