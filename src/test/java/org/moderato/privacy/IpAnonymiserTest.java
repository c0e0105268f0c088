package org.moderato.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class IpAnonymiserTest {

    @Test
    void anIpv4AddressLosesItsLastOctet() {
        assertEquals("203.0.113.0", IpAnonymiser.truncate("203.0.113.77"));
        assertEquals("127.0.0.0", IpAnonymiser.truncate("127.0.0.1"));
        assertEquals("10.1.2.0", IpAnonymiser.truncate(" 10.1.2.255 "));
    }

    @Test
    void anIpv6AddressKeepsOnlyItsFirst48Bits() {
        assertEquals("2001:db8:85a3:0:0:0:0:0", IpAnonymiser.truncate("2001:db8:85a3:8d3:1319:8a2e:370:7348"));
        assertEquals("2001:db8:85a3:0:0:0:0:0", IpAnonymiser.truncate("2001:0DB8:85A3::1"));
        assertEquals("0:0:0:0:0:0:0:0", IpAnonymiser.truncate("::1"));
        assertEquals("0:0:0:0:0:0:0:0", IpAnonymiser.truncate("0:0:0:0:0:0:0:1"));
        assertEquals("fe80:0:0:0:0:0:0:0", IpAnonymiser.truncate("fe80::1%eth0"));
    }

    @Test
    void anIpv4MappedIpv6AddressIsTreatedAsTheIpv4AddressItIs() {
        assertEquals("192.0.2.0", IpAnonymiser.truncate("::ffff:192.0.2.128"));
    }

    @Test
    void whatIsNotAnIpLiteralIsDroppedNeverLookedUp() {
        assertNull(IpAnonymiser.truncate(null));
        assertNull(IpAnonymiser.truncate("example.com"));
        assertNull(IpAnonymiser.truncate("localhost"));
        assertNull(IpAnonymiser.truncate("300.1.2.3"));
        assertNull(IpAnonymiser.truncate("1:2:3"));
        assertNull(IpAnonymiser.truncate(""));
    }
}
