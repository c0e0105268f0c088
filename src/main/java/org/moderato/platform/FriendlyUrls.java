package org.moderato.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Gives every Faces page one extensionless address: {@code /login} is {@code login.xhtml},
 * {@code /admin/rules} is {@code admin/rules.xhtml}, {@code /admin} is {@code admin/index.xhtml}, {@code /articles/{slug}} is {@code article.xhtml}
 * with the slug as a request attribute. The {@code .xhtml} names themselves answer 404.
 */
public class FriendlyUrls extends HttpFilter {

    /** The request attribute that carries the slug to the article page. */
    public static final String SLUG_ATTRIBUTE = "moderato.slug";

    private static final Pattern ARTICLE = Pattern.compile("/articles/([a-z0-9][a-z0-9-]{0,199})");
    private static final Pattern PAGE = Pattern.compile("(/[a-z][a-z0-9-]*){1,3}");

    /** Path to view, or empty for "no such page"; pages do not change while the app runs. */
    private final Map<String, Optional<String>> views = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        var article = ARTICLE.matcher(path);
        if (article.matches()) {
            request.setAttribute(SLUG_ATTRIBUTE, article.group(1));
            request.getRequestDispatcher("/article.xhtml").forward(request, response);
            return;
        }
        Optional<String> view = path.equals("/") ? Optional.of("/index.xhtml")
                : viewFor(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        if (view.isPresent()) {
            request.getRequestDispatcher(view.get()).forward(request, response);
            return;
        }
        if (path.endsWith(".xhtml") && !path.startsWith("/jakarta.faces.resource/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<String> viewFor(String path) {
        if (!PAGE.matcher(path).matches() || path.equals("/article") || path.equals("/index")) {
            return Optional.empty();
        }
        return views.computeIfAbsent(path, p -> existing(p + ".xhtml").or(() -> existing(p + "/index.xhtml")));
    }

    private Optional<String> existing(String view) {
        try {
            return Optional.ofNullable(getServletContext().getResource(view)).map(url -> view);
        } catch (MalformedURLException e) {
            return Optional.empty();
        }
    }
}
