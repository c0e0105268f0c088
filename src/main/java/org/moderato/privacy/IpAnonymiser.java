package org.moderato.privacy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Truncates an IP address once its retention period is over: an IPv4 address loses its last octet,
 * an IPv6 address its last 80 bits (the first 48, the site's routing prefix, stay). What is left still
 * matches range block lists and tells regions apart, but no longer points at one household.
 */
public final class IpAnonymiser {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    // hex, colons and dots only: InetAddress then parses a literal and never asks DNS
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private IpAnonymiser() {}

    /** The truncated address; null for null, and for anything that is not an IP literal (dropped rather than kept). */
    public static String truncate(String address) {
        if (address == null) {
            return null;
        }
        String literal = address.strip();
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(literal).matches();
        if (!v4 && !(literal.contains(":") && IPV6.matcher(literal).matches())) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
        // InetAddress turns an IPv4-mapped IPv6 literal (::ffff:a.b.c.d) into 4 bytes: treated as the IPv4 it is
        int keep = bytes.length == 4 ? 3 : 6;
        for (int i = keep; i < bytes.length; i++) {
            bytes[i] = 0;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
