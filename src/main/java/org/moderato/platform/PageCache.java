package org.moderato.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves a public article page rendered within the same second from memory. Pages are the same for
 * every anonymous reader, and the comment form's token only changes once a second, so at most one
 * render per page and second is needed, however many readers there are. Any change to articles or
 * comments made in this server ({@link ContentChanges}) makes a new entry; other servers of a cluster
 * see it within the second. Personal pages (a pending preview, a POST, a staff session) bypass it.
 */
public class PageCache extends HttpFilter {

    private static final int MAX_ENTRIES = 2000;

    private record Page(int status, String contentType, String etag, String lastModified, String cacheControl, byte[] body) {}

    private record Generation(long second, long contentVersion, Map<String, Page> pages) {}

    private volatile Generation current = new Generation(-1, -1, new ConcurrentHashMap<>());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!cacheable(request)) {
            chain.doFilter(request, response);
            return;
        }
        Generation generation = generation();
        String key = request.getRequestURI() + "?" + request.getQueryString();
        Page page = generation.pages().get(key);
        if (page == null) {
            Capture capture = new Capture(response);
            chain.doFilter(request, capture);
            page = capture.page();
            if (page == null) {
                return;
            }
            if (generation.pages().size() < MAX_ENTRIES) {
                generation.pages().put(key, page);
            }
            write(page, response, false);
            return;
        }
        String ifNoneMatch = request.getHeader("If-None-Match");
        write(page, response, ifNoneMatch != null && HttpCaching.matches(ifNoneMatch, page.etag()));
    }

    private Generation generation() {
        long second = Instant.now().getEpochSecond();
        long version = ContentChanges.version();
        Generation g = current;
        if (g.second() != second || g.contentVersion() != version) {
            g = new Generation(second, version, new ConcurrentHashMap<>());
            current = g;
        }
        return g;
    }

    private static boolean cacheable(HttpServletRequest request) {
        String query = request.getQueryString();
        return "GET".equals(request.getMethod())
                && request.getRequestURI().startsWith(request.getContextPath() + "/articles/")
                && (query == null || !query.contains("unapproved="))
                && request.getRequestedSessionId() == null;
    }

    private static void write(Page page, HttpServletResponse response, boolean notModified) throws IOException {
        response.setHeader("ETag", page.etag());
        response.setHeader("Last-Modified", page.lastModified());
        response.setHeader("Cache-Control", page.cacheControl());
        if (notModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(page.status());
        response.setContentType(page.contentType());
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    /** Collects a response instead of sending it; only a complete 200 with an ETag is worth keeping. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        private PrintWriter writer;
        private ServletOutputStream stream;
        private int status = SC_OK;
        private final HttpServletResponse original;

        Capture(HttpServletResponse response) {
            super(response);
            this.original = response;
        }

        @Override public void setStatus(int sc) { status = sc; super.setStatus(sc); }
        @Override public void sendError(int sc) throws IOException { status = sc; super.sendError(sc); }
        @Override public void sendError(int sc, String msg) throws IOException { status = sc; super.sendError(sc, msg); }
        @Override public void sendRedirect(String location) throws IOException { status = SC_FOUND; super.sendRedirect(location); }
        @Override public void flushBuffer() { }
        @Override public void setContentLength(int len) { }
        @Override public void setContentLengthLong(long len) { }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override public boolean isReady() { return true; }
                    @Override public void setWriteListener(WriteListener listener) { }
                    @Override public void write(int b) { body.write(b); }
                    @Override public void write(byte[] b, int off, int len) { body.write(b, off, len); }
                };
            }
            return stream;
        }

        /** The page to keep and send, or null when it was not an ordinary page (already sent as it was). */
        Page page() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            String etag = original.getHeader("ETag");
            if (status != SC_OK || etag == null || original.containsHeader("Set-Cookie") || original.isCommitted()) {
                if (!original.isCommitted() && body.size() > 0) {
                    original.getOutputStream().write(body.toByteArray());
                }
                return null;
            }
            return new Page(status, "text/html;charset=UTF-8", etag, original.getHeader("Last-Modified"),
                    original.getHeader("Cache-Control"), body.toByteArray());
        }
    }
}
