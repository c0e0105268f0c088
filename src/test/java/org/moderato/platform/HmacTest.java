package org.moderato.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacTest {

    /** RFC 4231, test case 2. */
    private static final byte[] JEFE = "Jefe".getBytes(StandardCharsets.US_ASCII);
    private static final String WHAT = "what do ya want for nothing?";
    private static final String JEFE_WHAT = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    @Test
    void signsAsTheRfcSays() {
        assertEquals(JEFE_WHAT, Hmac.sha256Hex(JEFE, WHAT));
        // the kept Mac signs the next message afresh, not on top of the last one
        assertEquals(JEFE_WHAT, Hmac.sha256Hex(JEFE, WHAT));
    }

    @Test
    void manyKeysInTurnEachSignWithTheirOwn() {
        byte[][] keys = new byte[7][];
        String[] first = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new byte[32];
            Arrays.fill(keys[i], (byte) i);
            first[i] = Hmac.sha256Hex(keys[i], "message");
            assertEquals(reference(keys[i], "message"), first[i], "key " + i);
        }
        for (int round = 0; round < 3; round++) {
            for (int i = keys.length - 1; i >= 0; i--) {
                assertEquals(first[i], Hmac.sha256Hex(keys[i], "message"), "key " + i + ", round " + round);
            }
        }
        assertEquals(JEFE_WHAT, Hmac.sha256Hex(JEFE, WHAT));
    }

    @Test
    void aKeyChangedInPlaceIsANewKey() {
        byte[] key = JEFE.clone();
        String before = Hmac.sha256Hex(key, WHAT);
        key[0] = 'G';
        assertFalse(before.equals(Hmac.sha256Hex(key, WHAT)));
        key[0] = 'J';
        assertEquals(before, Hmac.sha256Hex(key, WHAT));
    }

    private static String reference(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void matchesComparesWholeValues() {
        assertTrue(Hmac.matches(JEFE_WHAT, JEFE_WHAT));
        assertFalse(Hmac.matches(JEFE_WHAT, JEFE_WHAT.substring(1)));
        assertFalse(Hmac.matches(JEFE_WHAT, null));
    }
}
