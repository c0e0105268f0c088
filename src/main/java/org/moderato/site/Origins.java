package org.moderato.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The origins a site may embed from, as a browser sends them in its {@code Origin} header: scheme, host
 * and a port only when it is not the scheme's default ({@code https://blog.example.org},
 * {@code http://127.0.0.1:8081}), lower case, no path. What an admin types is normalised to that, so
 * the CORS check is a plain string comparison.
 */
public record Origins(List<String> list) {

    public static final int MAX_COUNT = 20;

    public Origins {
        list = List.copyOf(list);
    }

    /** The admin's text, one origin per line (or separated by spaces or commas); a problem is a message for them. */
    public static Origins parse(String typed) {
        Set<String> origins = new LinkedHashSet<>();
        for (String part : (typed == null ? "" : typed).split("[\\s,]+")) {
            if (!part.isEmpty()) {
                origins.add(normalise(part).orElseThrow(() -> new IllegalArgumentException(
                        "\"" + shorten(part) + "\" is not an origin: write it as https://blog.example.org (scheme and host, no path).")));
            }
        }
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("Give at least one origin allowed to embed, such as https://blog.example.org.");
        }
        if (origins.size() > MAX_COUNT) {
            throw new IllegalArgumentException("At most " + MAX_COUNT + " origins per site.");
        }
        return new Origins(new ArrayList<>(origins));
    }

    /** {@code https://Blog.Example.org:443/} becomes {@code https://blog.example.org}; anything with a path, query or user is not an origin. */
    public static Optional<String> normalise(String origin) {
        if (origin == null || origin.length() > 300) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public String lines() {
        return String.join("\n", list);
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
