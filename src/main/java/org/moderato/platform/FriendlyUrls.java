package org.moderato.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps the public URLs ({@code /}, {@code /articles/{slug}}, {@code /login}, {@code /moderation}) to
 * their Faces views, and hides the {@code .xhtml} names so every page has exactly one address.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class FriendlyUrls extends HttpFilter {

    /** The request attribute that carries the slug to the article page. */
    public static final String SLUG_ATTRIBUTE = "moderato.slug";

    private static final Pattern ARTICLE = Pattern.compile("/articles/([a-z0-9][a-z0-9-]{0,199})");
    private static final Map<String, String> VIEWS = Map.of(
            "/", "/index.xhtml",
            "/login", "/login.xhtml",
            "/moderation", "/moderation.xhtml");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String view = VIEWS.get(path);
        if (view != null) {
            request.getRequestDispatcher(view).forward(request, response);
            return;
        }
        var article = ARTICLE.matcher(path);
        if (article.matches()) {
            request.setAttribute(SLUG_ATTRIBUTE, article.group(1));
            request.getRequestDispatcher("/article.xhtml").forward(request, response);
            return;
        }
        if (path.endsWith(".xhtml") && !path.startsWith("/jakarta.faces.resource/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
