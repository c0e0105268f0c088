package org.moderato.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For a request that reached the site over HTTPS: marks the session cookie {@code Secure} when the
 * container sets it (a new session, or a new id at login). The container decides {@code Secure} from its
 * own connection, which is plain HTTP behind a proxy that ends TLS; so the cookie header it has just
 * added is rewritten before the response goes out.
 */
final class SecureSessionCookie extends HttpServletRequestWrapper {

    private static final String SET_COOKIE = "Set-Cookie";
    private final HttpServletResponse response;

    SecureSessionCookie(HttpServletRequest request, HttpServletResponse response) {
        super(request);
        this.response = response;
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    @Override
    public HttpSession getSession(boolean create) {
        HttpSession session = super.getSession(create);
        if (session != null && session.isNew()) {
            markSecure();
        }
        return session;
    }

    @Override
    public String changeSessionId() {
        String id = super.changeSessionId();
        markSecure();
        return id;
    }

    private void markSecure() {
        if (response.isCommitted()) {
            return;
        }
        List<String> cookies = new ArrayList<>(response.getHeaders(SET_COOKIE));
        if (cookies.isEmpty()) {
            return;
        }
        String name = getServletContext().getSessionCookieConfig().getName();
        String prefix = (name == null ? "JSESSIONID" : name) + "=";
        for (int i = 0; i < cookies.size(); i++) {
            String cookie = cookies.get(i);
            if (cookie.startsWith(prefix) && !cookie.toLowerCase(Locale.ROOT).contains("; secure")) {
                cookies.set(i, cookie + "; Secure");
            }
        }
        response.setHeader(SET_COOKIE, cookies.get(0));
        cookies.subList(1, cookies.size()).forEach(cookie -> response.addHeader(SET_COOKIE, cookie));
    }
}
