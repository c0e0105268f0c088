package org.moderato.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SealedValuesTest {

    private static final byte[] CURRENT = Randomness.bytes(32);
    private static final byte[] PREVIOUS = Randomness.bytes(32);
    private static final String SECRET = "whsec_0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void aSealedValueOpensWithItsKeyAndPurposeAndGivesNothingAway() {
        String sealed = SealedValues.sealWith(CURRENT, "webhook-secret", SECRET);
        assertTrue(SealedValues.isSealed(sealed));
        assertFalse(sealed.contains("whsec_"), sealed);
        assertFalse(sealed.contains("0123456789abcdef"), sealed);
        assertTrue(sealed.length() <= 200, "fits the column: " + sealed.length());
        assertEquals(Optional.of(new SealedValues.Opened(SECRET, true)), SealedValues.openWith(List.of(CURRENT), "webhook-secret", sealed));
        assertNotEquals(sealed, SealedValues.sealWith(CURRENT, "webhook-secret", SECRET), "a fresh nonce each time");
    }

    @Test
    void duringARotationAValueSealedWithThePreviousSecretOpensAndSaysSo() {
        String old = SealedValues.sealWith(PREVIOUS, "webhook-secret", SECRET);
        assertEquals(Optional.of(new SealedValues.Opened(SECRET, false)), SealedValues.openWith(List.of(CURRENT, PREVIOUS), "webhook-secret", old));
        assertEquals(Optional.empty(), SealedValues.openWith(List.of(CURRENT), "webhook-secret", old), "once the previous secret is gone");
    }

    @Test
    void anotherPurposeAChangedValueOrAPlainValueOpensNothing() {
        String sealed = SealedValues.sealWith(CURRENT, "webhook-secret", SECRET);
        assertEquals(Optional.empty(), SealedValues.openWith(List.of(CURRENT), "another-purpose", sealed));
        byte[] raw = Base64.getDecoder().decode(sealed.substring(SealedValues.PREFIX.length()));
        raw[raw.length / 2] ^= 1;
        String changed = SealedValues.PREFIX + Base64.getEncoder().encodeToString(raw);
        assertEquals(Optional.empty(), SealedValues.openWith(List.of(CURRENT), "webhook-secret", changed));
        assertFalse(SealedValues.isSealed(SECRET));
        assertEquals(Optional.empty(), SealedValues.openWith(List.of(CURRENT), "webhook-secret", SECRET));
        assertEquals(Optional.empty(), SealedValues.openWith(List.of(CURRENT), "webhook-secret", SealedValues.PREFIX + "not base64!"));
    }
}
