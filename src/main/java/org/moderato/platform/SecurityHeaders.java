package org.moderato.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every response carries: no inline script, no framing, no MIME sniffing, no leaking referrers;
 * over HTTPS (directly, or as a trusted proxy says) also HSTS and a {@code Secure} session cookie.
 * Mapped in web.xml ahead of {@link FriendlyUrls}, so it runs before any forward.
 */
public class SecurityHeaders extends HttpFilter {

    /** One year, the value browsers' preload lists ask for; subdomains are the operator's to decide. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    @Inject
    TrustedProxies proxies;

    // img-src https: lets articles show images kept elsewhere (an imported WordPress post's uploads stay on the
    // old site); only admins' article HTML can contain <img>, comments are plain text
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: https:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/moderation") || path.startsWith("/admin") || path.startsWith("/account")
                || path.startsWith("/login")) {
            // staff pages are personal: never cached by a browser or a proxy
            response.setHeader("Cache-Control", "no-store");
        }
        if (proxies.https(request)) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
            chain.doFilter(new SecureSessionCookie(request, response), response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
