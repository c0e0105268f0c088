package org.moderato.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdenticonTest {

    @Test
    void theSameTokenAlwaysDrawsTheSamePictureAndAnotherTokenAnother() {
        String a = Identicon.svg("0123456789abcdef0123456789abcdef").orElseThrow();
        assertEquals(a, Identicon.svg("0123456789abcdef0123456789abcdef").orElseThrow());
        assertNotEquals(a, Identicon.svg("fedcba9876543210fedcba9876543210").orElseThrow());
        assertTrue(a.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), a);
        assertTrue(Pattern.compile("fill=\"#[0-9a-f]{6}\" d=\"(M\\d \\dh1v1h-1z)*\"").matcher(a).find(), a);
    }

    @Test
    void onlyTokensOfTheRightShapeAreDrawnSoNothingElseCanBeInjected() {
        assertEquals(Optional.empty(), Identicon.svg("0123456789ABCDEF0123456789ABCDEF"));
        assertEquals(Optional.empty(), Identicon.svg("0123"));
        assertEquals(Optional.empty(), Identicon.svg("\"><script>alert(1)</script>"));
        assertEquals(Optional.empty(), Identicon.svg(null));
        assertTrue(Identicon.svg(Identicon.ANONYMOUS).orElseThrow().contains("<circle"));
    }

    @Test
    void thePatternIsMirroredLeftToRight() {
        String svg = Identicon.svg("ffffffffffffffffffffffffffffffff").orElseThrow();
        for (int row = 0; row < 5; row++) {
            for (int column = 0; column < 5; column++) {
                assertTrue(svg.contains("M" + column + " " + row + "h1v1h-1z"), "cell " + column + "," + row);
            }
        }
        String left = Identicon.svg("000000000000000000000000000000a1").orElseThrow();
        assertEquals(left.contains("M0 0h"), left.contains("M4 0h"));
    }

    @Test
    void coloursCoverTheHueCircle() {
        assertEquals("#be3737", Identicon.colour(0));
        assertEquals("#37be37", Identicon.colour(120));
        assertEquals("#3737be", Identicon.colour(240));
    }
}
