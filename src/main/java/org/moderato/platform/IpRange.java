package org.moderato.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address or CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 127.0.0.1}), parsed
 * without ever asking DNS.
 */
public record IpRange(byte[] network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    // hex, colons and dots only: InetAddress then parses a literal and never asks DNS
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    /** An address or range; empty when the text is neither. */
    public static Optional<IpRange> parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        return literal(parts[0]).flatMap(network -> {
            int prefix = network.length * 8;
            if (parts.length == 2) {
                if (!parts[1].matches("\\d{1,3}") || Integer.parseInt(parts[1]) > prefix) {
                    return Optional.empty();
                }
                prefix = Integer.parseInt(parts[1]);
            }
            return Optional.of(new IpRange(network, prefix));
        });
    }

    /** The bytes of a literal IPv4 or IPv6 address (an IPv4-mapped IPv6 address gives 4); empty for anything else. */
    public static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = text.strip();
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (!IPV4.matcher(address).matches() && !(address.contains(":") && IPV6.matcher(address).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean contains(String address) {
        return literal(address).filter(this::contains).isPresent();
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
