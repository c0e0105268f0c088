package org.moderato.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Looks for canary email addresses in anything a server sent: the address in any case, its unique
 * local part and domain label on their own, URL- and HTML-encoded forms, base64, and the MD5, SHA-1 and
 * SHA-256 of the address as typed and as Gravatar normalises it (trimmed, lower case), in lower- and
 * upper-case hex. A canary must have a local part and a first domain label unique to the test.
 */
public final class LeakScanner {

    /** Form name → text to look for, per canary. */
    private final Map<String, Map<String, String>> needles = new LinkedHashMap<>();

    public LeakScanner(List<String> canaries) {
        for (String canary : canaries) {
            needles.put(canary, formsOf(canary));
        }
    }

    static Map<String, String> formsOf(String canary) {
        int at = canary.indexOf('@');
        if (at <= 0 || canary.indexOf('.', at) < 0) {
            throw new IllegalArgumentException("not an address: " + canary);
        }
        String normalised = canary.strip().toLowerCase(Locale.ROOT);
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("address", canary);
        forms.put("local part", canary.substring(0, at));
        forms.put("domain label", canary.substring(at + 1, canary.indexOf('.', at)));
        forms.put("URL-encoded", URLEncoder.encode(canary, StandardCharsets.UTF_8));
        forms.put("HTML-encoded @", canary.replace("@", "&#64;"));
        forms.put("HTML-encoded @ (hex)", canary.replace("@", "&#x40;"));
        forms.put("base64", Base64.getEncoder().withoutPadding().encodeToString(canary.getBytes(StandardCharsets.UTF_8)));
        forms.put("base64 (normalised)", Base64.getEncoder().withoutPadding().encodeToString(normalised.getBytes(StandardCharsets.UTF_8)));
        for (String algorithm : List.of("MD5", "SHA-1", "SHA-256")) {
            forms.put(algorithm, hex(algorithm, canary));
            forms.put(algorithm + " (normalised)", hex(algorithm, normalised));
            forms.put(algorithm + " (upper-case hex)", hex(algorithm, canary).toUpperCase(Locale.ROOT));
            forms.put(algorithm + " (normalised, upper-case hex)", hex(algorithm, normalised).toUpperCase(Locale.ROOT));
        }
        return forms;
    }

    /** "canary: form" for every form of every canary found in {@code text}; empty when clean. */
    public List<String> findIn(String text) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        needles.forEach((canary, forms) -> forms.forEach((form, needle) -> {
            // base64 is case-sensitive; everything else is looked for in any case (hex digits, addresses)
            boolean hit = form.startsWith("base64") ? text.contains(needle) : lower.contains(needle.toLowerCase(Locale.ROOT));
            if (hit) {
                found.add(canary + ": " + form);
            }
        }));
        return found;
    }

    /** What {@link #findIn} reports for a whole response: status line, every header, body. */
    public List<String> findIn(HttpPage page) {
        List<String> found = new ArrayList<>();
        for (String problem : findIn(page.path())) {
            found.add(page + " URL: " + problem);
        }
        page.headers().forEach((name, values) -> values.forEach(value -> {
            for (String problem : findIn(name + ": " + value)) {
                found.add(page + " header " + name + ": " + problem);
            }
        }));
        for (String problem : findIn(page.body())) {
            found.add(page + " body: " + problem);
        }
        return found;
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
