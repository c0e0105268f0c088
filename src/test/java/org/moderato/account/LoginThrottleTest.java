package org.moderato.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    @Test
    void ipv6AddressesAreCountedByTheirSlash64AndIpv4ByTheAddress() {
        String group = LoginThrottle.addressGroup("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertEquals("2001:db8:1:2::/64", group);
        assertEquals(group, LoginThrottle.addressGroup("2001:0db8:0001:0002::1"), "another host of the same /64, written longhand");
        assertEquals(group, LoginThrottle.addressGroup("2001:db8:1:2::ffff%eth0"), "with a zone id");
        assertEquals("2001:db8:1:3::/64", LoginThrottle.addressGroup("2001:db8:1:3::1"), "the next /64 is another group");
        assertEquals("203.0.113.7", LoginThrottle.addressGroup("203.0.113.7"));
        assertEquals("203.0.113.7", LoginThrottle.addressGroup("::ffff:203.0.113.7"), "an IPv4-mapped address is the IPv4 it is");
        assertEquals("127.0.0.1", LoginThrottle.addressGroup("127.0.0.1"));
    }

    @Test
    void aTypedUsernameCannotForgeLogLines() {
        String typed = "admin'\n2026-01-01 INFO Login succeeded for 'admin\r\u2028\u0000";
        String printable = LoginThrottle.printable(typed);
        assertFalse(printable.matches("(?s).*[\\n\\r\\u2028\\u0000].*"), printable);
        assertEquals("admin\\'?2026-01-01 INFO Login succeeded for \\'admin???", printable);
        assertEquals(103, LoginThrottle.printable("x".repeat(5000)).length(), "cut short");
    }
}
