package org.moderato.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * What a request says about itself through a reverse proxy: {@code X-Forwarded-For} (the client's
 * address) and {@code X-Forwarded-Proto} (HTTPS at the proxy) are believed only when the request comes
 * from one of {@code MODERATO_TRUSTED_PROXIES}; from anyone else they are ignored, as anyone can send them.
 */
@ApplicationScoped
public class TrustedProxies {

    @Inject
    Settings settings;

    private List<IpRange> proxies = List.of();

    public TrustedProxies() {}

    /** For tests: these proxies. */
    public TrustedProxies(List<IpRange> proxies) {
        this.proxies = List.copyOf(proxies);
    }

    @PostConstruct
    void load() {
        proxies = parse(settings.trustedProxies());
    }

    /** A comma- or space-separated list of addresses and CIDR ranges; a wrong entry stops the start with its text. */
    public static List<IpRange> parse(String list) {
        List<IpRange> ranges = new ArrayList<>();
        for (String entry : list.split("[,\\s]+")) {
            if (!entry.isEmpty()) {
                ranges.add(IpRange.parse(entry).orElseThrow(() -> new IllegalStateException(
                        "MODERATO_TRUSTED_PROXIES: '" + entry + "' is not an IP address or a CIDR range like 10.0.0.0/8")));
            }
        }
        return List.copyOf(ranges);
    }

    /** The client's address: the nearest address in X-Forwarded-For that is not a trusted proxy, when the request came through one. */
    public String clientAddress(HttpServletRequest request) {
        Enumeration<String> forwardedFor = request.getHeaders("X-Forwarded-For");
        return clientAddress(request.getRemoteAddr(), forwardedFor == null ? List.of() : Collections.list(forwardedFor));
    }

    String clientAddress(String remoteAddress, List<String> forwardedFor) {
        if (!trusted(remoteAddress)) {
            return remoteAddress;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> hops.addAll(List.of(header.split(","))));
        String client = remoteAddress;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<byte[]> hop = IpRange.literal(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hops.get(i).strip();
            if (!trusted(hop.get())) {
                return client;
            }
        }
        return client;
    }

    /** Whether the visitor's connection is HTTPS: to this server, or to a trusted proxy that says so. */
    public boolean https(HttpServletRequest request) {
        return request.isSecure() || https(request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"));
    }

    boolean https(String remoteAddress, String forwardedProto) {
        if (forwardedProto == null || !trusted(remoteAddress)) {
            return false;
        }
        // a chain of proxies lists one scheme each; the one nearest the visitor comes first
        return forwardedProto.split(",")[0].strip().equalsIgnoreCase("https");
    }

    private boolean trusted(String address) {
        return IpRange.literal(address).filter(this::trusted).isPresent();
    }

    private boolean trusted(byte[] address) {
        return proxies.stream().anyMatch(range -> range.contains(address));
    }
}
