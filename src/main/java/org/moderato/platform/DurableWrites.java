package org.moderato.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * A request that may change something (any method but GET, HEAD and OPTIONS) is answered only once
 * what it committed is in the database file ({@link GroupCommit}): a reader's 303 after posting, a
 * moderator's approval, an API call. Its response is still in the container's buffer while it waits
 * (a large page may have sent its first part; its end follows the write).
 */
public class DurableWrites extends HttpFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    GroupCommit groupCommit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            try {
                groupCommit.awaitWritten();
            } catch (SQLException e) {
                throw new ServletException("the database could not write what this request committed", e);
            }
        }
    }
}
