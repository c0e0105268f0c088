package org.moderato.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies(TrustedProxies.parse("127.0.0.1, 10.0.0.0/8 2001:db8::/32"));

    @Test
    void forwardedHeadersAreBelievedOnlyFromATrustedProxy() {
        assertTrue(proxies.https("127.0.0.1", "https"));
        assertTrue(proxies.https("10.20.30.40", "HTTPS, http"));
        assertTrue(proxies.https("2001:db8::5", "https"));
        assertFalse(proxies.https("203.0.113.9", "https"), "anyone can send the header");
        assertFalse(proxies.https("127.0.0.1", "http"));
        assertFalse(proxies.https("127.0.0.1", null));
        assertFalse(new TrustedProxies(List.of()).https("127.0.0.1", "https"), "no proxy trusted by default");
    }

    @Test
    void theClientIsTheNearestAddressThatIsNotATrustedProxy() {
        assertEquals("198.51.100.1", proxies.clientAddress("127.0.0.1", List.of("198.51.100.1")));
        assertEquals("198.51.100.1", proxies.clientAddress("127.0.0.1", List.of("6.6.6.6, 198.51.100.1, 10.0.0.2")),
                "a visitor's own X-Forwarded-For entries to the left are not believed");
        assertEquals("203.0.113.9", proxies.clientAddress("203.0.113.9", List.of("198.51.100.1")), "not from a proxy: ignored");
        assertEquals("127.0.0.1", proxies.clientAddress("127.0.0.1", List.of()));
        assertEquals("127.0.0.1", proxies.clientAddress("127.0.0.1", List.of("not-an-address")));
    }

    @Test
    void aWrongEntryStopsTheStartWithItsText() {
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> TrustedProxies.parse("127.0.0.1, 10.0.0.0/33"));
        assertEquals("MODERATO_TRUSTED_PROXIES: '10.0.0.0/33' is not an IP address or a CIDR range like 10.0.0.0/8", wrong.getMessage());
        assertThrows(IllegalStateException.class, () -> TrustedProxies.parse("proxy.example"));
    }
}
