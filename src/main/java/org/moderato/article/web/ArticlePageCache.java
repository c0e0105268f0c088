package org.moderato.article.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.metrics.Counter;
import org.moderato.platform.HttpCaching;
import org.moderato.platform.QueryCountLog;
import org.moderato.platform.ReaderTexts;
import org.moderato.rules.FormToken;

/**
 * Serves public article pages from {@link KeptPages}: a kept page costs writing its bytes and signing
 * the reader's form token, no database and no Faces. The key is the path and only the parameters that
 * change the page ({@code cpage}, {@code replytocom}); any other query ({@code ?utm_source=...}) gets
 * the same page. One request renders a page while the others wait for it (no page kept) or get the one
 * kept before (after a change), so a crowd never renders the same page twice; a page that keeps changing
 * is rendered at most a few times a second ({@link KeptPages#mayRender}). Personal answers (a
 * pending preview, a POST, a staff session) pass by.
 */
public class ArticlePageCache extends HttpFilter {

    private static final long WAIT_FOR_RENDER_SECONDS = 10;
    private static final String HITS = "moderato.page.cache.hits";
    private static final String MISSES = "moderato.page.cache.misses";
    /** The only query parameters that change a public article page. */
    private static final List<String> KEYED = List.of("cpage", "replytocom", ReaderTexts.LANG_PARAM);
    private static final byte[] TOKEN_FIELD = "name=\"moderato_token\" value=\"".getBytes(StandardCharsets.US_ASCII);

    @Inject
    KeptPages kept;

    @Inject
    FormToken formTokens;

    /** {@code moderato_page_cache_hits_total} (answered without rendering) and {@code _misses_total} (rendered). */
    @Inject
    org.eclipse.microprofile.metrics.MetricRegistry metrics;

    private final Map<String, CompletableFuture<KeptPage>> rendering = new ConcurrentHashMap<>();

    private Counter hits;
    private Counter misses;

    /**
     * Both counters from the start, at 0: a scraper (and MonitoringIT, first on a fresh server) sees them
     * before the first hit. Kept here: the registry's lookup by name was 2% of serving a kept page.
     */
    @Override
    public void init() {
        hits = metrics.counter(HITS);
        misses = metrics.counter(MISSES);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!cacheable(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = keyOf(request);
        KeptPage page = kept.anyKept(key);
        // current, or changing faster than renders are worth: then its last copy, half a second behind at most
        if (page != null && (kept.isCurrent(page) || !kept.mayRender(page, System.currentTimeMillis()))) {
            hits.inc();
            request.setAttribute(QueryCountLog.SERVED_FROM_CACHE, Boolean.TRUE);
            send(page, request, response);
            return;
        }
        CompletableFuture<KeptPage> mine = new CompletableFuture<>();
        CompletableFuture<KeptPage> theirs = rendering.putIfAbsent(key, mine);
        if (theirs != null) {
            KeptPage shown = page != null ? page : await(theirs);
            if (shown != null) {
                hits.inc();
                send(shown, request, response);
            } else {
                misses.inc();
                chain.doFilter(request, response);
            }
            return;
        }
        KeptPage rendered = null;
        misses.inc();
        try {
            Capture capture = new Capture(response);
            // rendered as if only the parameters in the key had come, so the kept page is right for every reader of the key
            chain.doFilter(new CanonicalRequest(request), capture);
            rendered = capture.finish(request);
            if (rendered != null) {
                kept.keep(key, rendered);
                send(rendered, request, response);
            }
        } finally {
            rendering.remove(key, mine);
            mine.complete(rendered);
        }
    }

    /** The path with the parameters that change what the page shows, in a fixed order. */
    static String keyOf(HttpServletRequest request) {
        return request.getRequestURI() + "?" + canonicalQuery(request);
    }

    private static String canonicalQuery(HttpServletRequest request) {
        StringBuilder query = new StringBuilder();
        for (String name : KEYED) {
            String value = keyed(name, request.getParameter(name));
            if (!value.isEmpty()) {
                query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(value);
            }
        }
        return query.toString();
    }

    /** A keyed parameter as the page sees it: numbers, and a language we have; anything else is as if absent. */
    private static String keyed(String name, String value) {
        if (ReaderTexts.LANG_PARAM.equals(name)) {
            return value != null && ReaderTexts.SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(value)) ? value : "";
        }
        return digits(value);
    }

    private static String digits(String value) {
        return value != null && value.matches("\\d{1,9}") ? value : "";
    }

    private static boolean cacheable(HttpServletRequest request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getParameter("unapproved") == null
                && request.getParameter("comment") == null
                && request.getRequestedSessionId() == null;
    }

    private static KeptPage await(CompletableFuture<KeptPage> render) {
        try {
            return render.get(WAIT_FOR_RENDER_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private void send(KeptPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("ETag", page.etag());
        response.setDateHeader("Last-Modified", page.lastModified());
        response.setHeader("Cache-Control", page.cacheControl());
        response.setHeader("Vary", "Accept-Encoding");
        if (HttpCaching.isCurrent(request, page.etag(), page.lastModified())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(page.contentType());
        byte[] token = page.hasToken()
                ? formTokens.issue(page.articleId(), Instant.now()).getBytes(StandardCharsets.US_ASCII) : new byte[0];
        boolean head = "HEAD".equals(request.getMethod());
        String accepted = request.getHeader("Accept-Encoding");
        if (accepted != null && accepted.contains("gzip")) {
            byte[] middle = GzipSplice.segment(token, false);
            response.setHeader("Content-Encoding", "gzip");
            response.setContentLength(GzipSplice.length(page.deflatedBefore(), middle, page.deflatedAfter()));
            if (!head) {
                GzipSplice.write(response.getOutputStream(), GzipSplice.crc(page.before(), token, page.after()),
                        (long) page.before().length + token.length + page.after().length,
                        page.deflatedBefore(), middle, page.deflatedAfter());
            }
            return;
        }
        response.setContentLength(page.before().length + token.length + page.after().length);
        if (!head) {
            ServletOutputStream out = response.getOutputStream();
            out.write(page.before());
            out.write(token);
            out.write(page.after());
        }
    }

    /** Collects the page instead of sending it; only a complete 200 with an ETag is kept and sent by the cache. */
    private final class Capture extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        private final HttpServletResponse original;
        private PrintWriter writer;
        private ServletOutputStream stream;
        private int status = SC_OK;

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

        /** The page to keep, or null after passing on whatever else it was (an error, a redirect, a 304). */
        KeptPage finish(HttpServletRequest request) throws IOException {
            if (writer != null) {
                writer.flush();
            }
            String etag = original.getHeader("ETag");
            Object article = request.getAttribute(KeptPage.ARTICLE_ATTRIBUTE);
            if (status != SC_OK || etag == null || !(article instanceof Rendered)
                    || original.containsHeader("Set-Cookie") || original.isCommitted()) {
                if (!original.isCommitted() && body.size() > 0) {
                    original.getOutputStream().write(body.toByteArray());
                }
                return null;
            }
            Rendered rendered = (Rendered) article;
            byte[] page = body.toByteArray();
            long lastModified = ZonedDateTime.parse(original.getHeader("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().toEpochMilli();
            int field = indexOf(page, TOKEN_FIELD);
            if (field < 0) {
                return KeptPage.of(rendered.articleId(), rendered.stamp(), original.getContentType(), etag, lastModified,
                        original.getHeader("Cache-Control"), page, new byte[0], false);
            }
            int start = field + TOKEN_FIELD.length;
            int end = start;
            while (end < page.length && page[end] != '"') {
                end++;
            }
            return KeptPage.of(rendered.articleId(), rendered.stamp(), original.getContentType(), etag, lastModified,
                    original.getHeader("Cache-Control"), Arrays.copyOfRange(page, 0, start), Arrays.copyOfRange(page, end, page.length),
                    true);
        }
    }

    /** The request as if it had come with only the parameters that change the page. */
    private static final class CanonicalRequest extends HttpServletRequestWrapper {
        private final String query;
        private final Map<String, String[]> parameters = new LinkedHashMap<>();

        CanonicalRequest(HttpServletRequest request) {
            super(request);
            String canonical = canonicalQuery(request);
            this.query = canonical.isEmpty() ? null : canonical;
            for (String name : KEYED) {
                String value = keyed(name, request.getParameter(name));
                if (!value.isEmpty()) {
                    parameters.put(name, new String[] {value});
                }
            }
        }

        @Override public String getQueryString() { return query; }
        @Override public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }
        @Override public Map<String, String[]> getParameterMap() { return Collections.unmodifiableMap(parameters); }
        @Override public Enumeration<String> getParameterNames() { return Collections.enumeration(parameters.keySet()); }
        @Override public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }

    /** What the article page leaves in the request: which article it rendered, and that article's stamp before reading it. */
    record Rendered(long articleId, KeptPages.Stamp stamp) {}

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
