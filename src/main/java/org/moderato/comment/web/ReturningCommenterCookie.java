package org.moderato.comment.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The returning-commenter token in the reader's browser: set only on the redirect after a post whose
 * author ticked "Save my name, email, and website", removed when they post without ticking it. HttpOnly
 * (no script needs it), SameSite=Lax (not sent with another site's form posts), and sent only to the
 * article pages, which are the same for every reader whether it comes along or not.
 */
final class ReturningCommenterCookie {

    static final String NAME = "moderato_returning";
    private static final int MAX_AGE = (int) Duration.ofDays(365).toSeconds();

    private ReturningCommenterCookie() {}

    static Optional<String> of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    /** Keeps {@code token} in the browser, or, when null, removes a cookie the browser sent; otherwise sets nothing. */
    static void update(HttpServletRequest request, HttpServletResponse response, String token) {
        if (token == null && of(request).isEmpty()) {
            return;
        }
        Cookie cookie = new Cookie(NAME, token == null ? "" : token);
        cookie.setPath(request.getContextPath() + "/articles/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        cookie.setMaxAge(token == null ? 0 : MAX_AGE);
        response.addCookie(cookie);
    }
}
