package org.moderato.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;

/**
 * Conditional GET for pages that are the same for every reader: a weak ETag, Last-Modified and a
 * short public Cache-Control, so browsers and proxies revalidate cheaply and get a 304 when nothing changed.
 */
public final class HttpCaching {

    /**
     * Browsers revalidate every time (a 304 costs next to nothing), so a reader or an editor never sees
     * an old page; a shared proxy or CDN may serve it for a minute without asking.
     */
    public static final String PUBLIC_SHORT = "public, max-age=0, s-maxage=60";

    private HttpCaching() {}

    /** Sets the validators; answers 304 and returns true when the client's copy is current. */
    public static boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag, Instant lastModified) {
        validators(response, etag, lastModified);
        boolean current = isCurrent(request, etag, lastModified.toEpochMilli());
        if (current) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        }
        return current;
    }

    /** The validators and the public Cache-Control of a page answered in full. */
    public static void validators(HttpServletResponse response, String etag, Instant lastModified) {
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", lastModified.toEpochMilli());
        response.setHeader("Cache-Control", PUBLIC_SHORT);
    }

    /** Whether the request asks "only if changed" at all (If-None-Match or If-Modified-Since). */
    public static boolean isConditional(HttpServletRequest request) {
        return request.getHeader("If-None-Match") != null || request.getHeader("If-Modified-Since") != null;
    }

    /** If-None-Match decides when present (RFC 9110); otherwise If-Modified-Since. */
    public static boolean isCurrent(HttpServletRequest request, String etag, long lastModifiedMillis) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, etag);
        }
        long since = request.getDateHeader("If-Modified-Since");
        return since >= 0 && lastModifiedMillis <= since;
    }

    /** Weak comparison, as RFC 9110 asks for If-None-Match: "W/" prefixes do not matter. */
    static boolean matches(String ifNoneMatch, String etag) {
        String ours = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(ours)) {
                return true;
            }
        }
        return false;
    }
}
