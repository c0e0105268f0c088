package org.moderato.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FormTokenTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final FormToken tokens = new FormToken("k".repeat(32).getBytes());

    @Test
    void everyTokenHasANonceOfItsOwnAcrossThreads() {
        Set<String> nonces = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel().forEach(i -> nonces.add(FormToken.nonceOf(tokens.issue(7, NOW))));
        assertEquals(20_000, nonces.size());
    }

    @Test
    void theNonceIsTwelveBytesAndTheTokenVerifies() {
        String token = tokens.issue(7, NOW);
        assertEquals(16, FormToken.nonceOf(token).length(), token);
        assertEquals(Optional.empty(), tokens.problem(token, 7, NOW.plusSeconds(10), Duration.ofSeconds(3), Duration.ofHours(1)));
        assertTrue(tokens.isSigned(token));
    }

    @Test
    void consecutiveNoncesDifferInTheirCounterOnly() {
        String a = FormToken.nonceOf(tokens.issue(7, NOW));
        String b = FormToken.nonceOf(tokens.issue(7, NOW));
        assertNotEquals(a, b);
        // base64 of six random bytes: the first eight characters, this process's own
        assertEquals(a.substring(0, 8), b.substring(0, 8));
    }
}
