package org.moderato.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * With {@code MODERATO_LOG_QUERY_COUNTS=true}, logs one line per request: method, path and the
 * number of SQL statements it took, and "(page cache)" when the page cache answered without rendering.
 * How the "constant number of queries per page" promise is checked.
 */
public class QueryCountLog extends HttpFilter {

    /** Set by the page cache on a request it answered from memory. */
    public static final String SERVED_FROM_CACHE = "moderato.page-cache.hit";

    private static final Logger LOG = Logger.getLogger(QueryCountLog.class.getName());

    @Inject
    Settings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!settings.logQueryCounts()) {
            chain.doFilter(request, response);
            return;
        }
        QueryCounter.reset();
        try {
            chain.doFilter(request, response);
        } finally {
            String query = request.getQueryString();
            LOG.info("SQL statements: " + QueryCounter.count() + " for " + request.getMethod() + " " + request.getRequestURI()
                    + (query == null ? "" : "?" + query)
                    + (request.getAttribute(SERVED_FROM_CACHE) != null ? " (page cache)" : ""));
        }
    }
}
