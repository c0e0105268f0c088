package org.moderato.platform;

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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.moderato.rules.FormToken;

/**
 * Serves public article pages from memory. A page is the same for every anonymous reader except
 * for the comment form's one-time token, so the rendered page is kept with a gap where the token
 * goes and each reader gets a freshly signed one. Any change to articles, comments or rules made
 * in this server ({@link ContentChanges}) makes the kept pages unusable at once; a kept page is
 * also re-rendered once it is a second old, so the servers of a cluster see each other's changes
 * within about a second. One request renders a page while the others wait for it (after a change)
 * or keep getting the previous one (after a second), so a crowd never renders the same page twice.
 * Personal pages (a pending preview, a POST, a staff session) are never cached.
 *
 * <p>A page is kept under its path and the parameters that change it ({@code cpage}, {@code replytocom}),
 * read the way the page reads them; any other parameter ({@code ?utm_source=...}) gets the same page,
 * so it cannot make the server render one page per request. The pages kept are bounded by their bytes
 * ({@code MODERATO_PAGE_CACHE_MB}); the least recently read go first.
 */
public class PageCache extends HttpFilter {

    /** Set on a request that the cache answered without rendering, for {@link QueryCountLog}. */
    static final String SERVED_FROM_CACHE = "moderato.page-cache.hit";
    /** What a page's bookkeeping costs beside its bytes (key, record, arrays' headers), roughly. */
    private static final int ENTRY_OVERHEAD_BYTES = 256;
    private static final Pattern PAGE_NUMBER = Pattern.compile("\\d{1,9}");
    private static final long WAIT_FOR_RENDER_SECONDS = 10;
    private static final byte[] TOKEN_FIELD = "name=\"moderato_token\" value=\"".getBytes(StandardCharsets.UTF_8);

    @Inject
    FormToken formTokens;

    @Inject
    Settings settings;

    /** A rendered page split around its form token ({@code articleId} -1: no form, nothing to fill in). */
    private record Page(String contentType, String etag, long lastModified, String cacheControl,
                        byte[] beforeToken, long articleId, byte[] afterToken) {}

    private record Entry(long second, long contentVersion, Page page) {
        long bytes(String key) {
            return ENTRY_OVERHEAD_BYTES + 2L * key.length() + page.beforeToken().length + page.afterToken().length
                    + page.etag().length() + page.contentType().length() + page.cacheControl().length();
        }
    }

    private record Keyed(String key, Entry entry) {}

    private LruByteCache<String, Keyed> pages;
    private final Map<String, CompletableFuture<Page>> rendering = new ConcurrentHashMap<>();

    @Override
    public void init() {
        pages = new LruByteCache<>(settings.pageCacheBytes(), keyed -> keyed.entry().bytes(keyed.key()));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = keyOf(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        long version = ContentChanges.version();
        long second = Instant.now().getEpochSecond();
        Keyed kept = pages.get(key);
        Entry entry = kept == null ? null : kept.entry();
        boolean current = entry != null && entry.contentVersion() == version;
        if (current && entry.second() == second) {
            sendKept(entry.page(), request, response);
            return;
        }
        CompletableFuture<Page> mine = new CompletableFuture<>();
        CompletableFuture<Page> theirs = rendering.putIfAbsent(key, mine);
        if (theirs != null) {
            // someone is rendering it already: a page a second old is still fine, an outdated one is not
            Page page = current ? entry.page() : await(theirs);
            if (page != null) {
                sendKept(page, request, response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        Page page = null;
        try {
            Capture capture = new Capture(response);
            // rendered for the key's address, not this one: the form posts back to its own address, and
            // a page kept for everyone must not carry one reader's ?utm_source=...
            chain.doFilter(new CanonicalRequest(request, canonicalQuery(request)), capture);
            page = capture.finish();
            if (page != null) {
                pages.put(key, new Keyed(key, new Entry(second, version, page)));
                send(page, request, response);
            }
        } finally {
            rendering.remove(key, mine);
            mine.complete(page);
        }
    }

    private static Page await(CompletableFuture<Page> render) {
        try {
            return render.get(WAIT_FOR_RENDER_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /**
     * The path and the parameters that change the page, each read as {@code ArticlePage} reads it (a
     * number of up to nine digits, else its default), so two addresses share a key only when they get
     * the same page; null for what is not cached: a POST, a staff session, a pending preview, and a
     * permalink ({@code ?comment=ID}), which redirects.
     */
    static String keyOf(HttpServletRequest request) {
        String query = canonicalQuery(request);
        return query == null ? null : request.getRequestURI() + "?" + query;
    }

    private static String canonicalQuery(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getRequestedSessionId() != null
                || request.getParameter("unapproved") != null || number(request.getParameter("comment")) > 0) {
            return null;
        }
        long page = number(request.getParameter("cpage"));
        long replyTo = number(request.getParameter("replytocom"));
        return (page > 1 ? "cpage=" + page : "") + (page > 1 && replyTo > 0 ? "&" : "") + (replyTo > 0 ? "replytocom=" + replyTo : "");
    }

    private static long number(String value) {
        return value != null && PAGE_NUMBER.matcher(value).matches() ? Long.parseLong(value) : 0;
    }

    /** A page the cache answered without rendering. */
    private void sendKept(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setAttribute(SERVED_FROM_CACHE, Boolean.TRUE);
        send(page, request, response);
    }

    private void send(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("ETag", page.etag());
        response.setDateHeader("Last-Modified", page.lastModified());
        response.setHeader("Cache-Control", page.cacheControl());
        if (HttpCaching.isCurrent(request, page.etag(), page.lastModified())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] token = page.articleId() < 0 ? new byte[0]
                : formTokens.issue(page.articleId(), Instant.now()).getBytes(StandardCharsets.US_ASCII);
        response.setContentType(page.contentType());
        response.setContentLength(page.beforeToken().length + token.length + page.afterToken().length);
        ServletOutputStream out = response.getOutputStream();
        out.write(page.beforeToken());
        out.write(token);
        out.write(page.afterToken());
    }

    /** The request as if it had come with only the parameters that change the page. */
    private static final class CanonicalRequest extends HttpServletRequestWrapper {
        private final String query;
        private final Map<String, String[]> parameters = new LinkedHashMap<>();

        CanonicalRequest(HttpServletRequest request, String query) {
            super(request);
            this.query = query.isEmpty() ? null : query;
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals), new String[] {pair.substring(equals + 1)});
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

    /** Collects the page instead of sending it; only a complete 200 with an ETag is kept and sent by the cache. */
    private static final class Capture extends HttpServletResponseWrapper {
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

        /** The page to cache, or null after passing on whatever else it was (an error, a redirect, a 304). */
        Page finish() throws IOException {
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
            byte[] page = body.toByteArray();
            long lastModified = ZonedDateTime.parse(original.getHeader("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().toEpochMilli();
            int field = indexOf(page, TOKEN_FIELD);
            int start = field + TOKEN_FIELD.length;
            int end = start;
            while (field >= 0 && end < page.length && page[end] != '"') {
                end++;
            }
            long articleId = field < 0 ? -1 : FormToken.articleOf(new String(page, start, end - start, StandardCharsets.US_ASCII));
            if (articleId < 0) {
                return new Page(original.getContentType(), etag, lastModified, original.getHeader("Cache-Control"), page, -1, new byte[0]);
            }
            return new Page(original.getContentType(), etag, lastModified, original.getHeader("Cache-Control"),
                    Arrays.copyOfRange(page, 0, start), articleId, Arrays.copyOfRange(page, end, page.length));
        }
    }

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
