package org.moderato.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * How long the public doors take, as MicroProfile Metrics timers ({@code /metrics}:
 * {@code moderato_request_duration_seconds{door="article-page"}} for a GET of an article page, kept or
 * rendered (not its feeds), and {@code {door="comment-post"}} for the comment form's POST, whatever its outcome): count,
 * sum and maximum, from the first byte the filter sees to the last the chain wrote.
 * Mapped first on {@code /articles/*} in web.xml, so the page cache and the form's door are inside it.
 */
public class DoorLatency extends HttpFilter {

    static final String NAME = "moderato.request.duration";
    static final String ARTICLE_PAGE = "article-page";
    static final String COMMENT_POST = "comment-post";

    @Inject
    MetricRegistry registry;

    private Timer pages;
    private Timer posts;

    @Override
    public void init() {
        Metadata metadata = Metadata.builder().withName(NAME).withUnit(MetricUnits.SECONDS)
                .withDescription("Time to answer a public door: an article page's GET, the comment form's POST").build();
        pages = registry.timer(metadata, new Tag("door", ARTICLE_PAGE));
        posts = registry.timer(metadata, new Tag("door", COMMENT_POST));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Timer timer = !isArticle(request) ? null : switch (request.getMethod()) {
            case "GET" -> pages;
            case "POST" -> posts;
            default -> null;
        };
        if (timer == null) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            timer.update(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** {@code /articles/{slug}} itself, not its feeds ({@code /articles/{slug}/feed}). */
    private static boolean isArticle(HttpServletRequest request) {
        String rest = request.getRequestURI().substring(request.getContextPath().length());
        return rest.startsWith("/articles/") && rest.indexOf('/', "/articles/".length()) < 0;
    }
}
