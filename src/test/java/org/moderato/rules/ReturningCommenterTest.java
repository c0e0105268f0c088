package org.moderato.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReturningCommenterTest {

    private static final byte[] KEY = "r".repeat(32).getBytes();
    private static final byte[] OLD_KEY = "o".repeat(32).getBytes();

    private final ReturningCommenter tokens = new ReturningCommenter(() -> List.of(KEY));

    @Test
    void aTokenNamesItsCommentForTheAddressItWasIssuedUnder() {
        String token = tokens.issue(42, "index-of-jane");
        assertEquals(Optional.of(42L), tokens.commentOf(token, List.of("index-of-jane")));
        assertEquals(Optional.of(42L), tokens.commentOf(token, List.of("new-index", "index-of-jane")), "either index during a rotation");
    }

    @Test
    void anotherAddressAnotherCommentOrAForgeryIsNotRecognised() {
        String token = tokens.issue(42, "index-of-jane");
        assertEquals(Optional.empty(), tokens.commentOf(token, List.of("index-of-someone-else")));
        assertEquals(Optional.empty(), tokens.commentOf(token.replaceFirst("^42", "43"), List.of("index-of-jane")));
        assertEquals(Optional.empty(), tokens.commentOf(new ReturningCommenter(() -> List.of(OLD_KEY)).issue(42, "index-of-jane"),
                List.of("index-of-jane")));
        assertEquals(Optional.empty(), tokens.commentOf(token, List.of()));
        for (String junk : new String[] {null, "", "42", "42.", "0." + "a".repeat(64), "x.y", token + "0"}) {
            assertEquals(Optional.empty(), tokens.commentOf(junk, List.of("index-of-jane")), junk);
        }
    }

    @Test
    void aTokenSignedBeforeASecretRotationStillVerifies() {
        String before = new ReturningCommenter(() -> List.of(OLD_KEY)).issue(7, "i");
        assertEquals(Optional.of(7L), new ReturningCommenter(() -> List.of(KEY, OLD_KEY)).commentOf(before, List.of("i")));
    }
}
