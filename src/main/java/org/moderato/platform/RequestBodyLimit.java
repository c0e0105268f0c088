package org.moderato.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds every request body before anything reads it. A body announced larger than its bound gets 413
 * and the connection is closed unread; a chunked body (no length announced) is read here up to the
 * bound, 413 past it, and otherwise handed on from memory. Only the import page takes a large body
 * (its servlet's multipart-config in web.xml bounds the upload); an admin's forms hold an article of up
 * to a million characters; everything else, the comment form first, is at most {@link #PUBLIC_MAX_BYTES}.
 */
public class RequestBodyLimit extends HttpFilter {

    /** The comment form carries at most 65,525 bytes of text, about 200 KB percent-encoded; every other public form far less. */
    public static final int PUBLIC_MAX_BYTES = 512 * 1024;
    /** An admin's forms: an article of 1,000,000 characters, percent-encoded, or two key lists. */
    public static final int ADMIN_MAX_BYTES = 16 * 1024 * 1024;
    /** The WordPress or Disqus upload, as the import servlet's multipart-config allows (web.xml). */
    public static final long IMPORT_MAX_BYTES = 537_919_488L;

    private static final String IMPORT_PATH = "/admin/import";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean upload = path.equals(IMPORT_PATH);
        long max = upload ? IMPORT_MAX_BYTES : path.startsWith("/admin/") ? ADMIN_MAX_BYTES : PUBLIC_MAX_BYTES;
        long announced = request.getContentLengthLong();
        if (announced > max) {
            refuse(response);
            return;
        }
        if (announced < 0 && request.getHeader("Transfer-Encoding") != null && !upload) {
            byte[] body = readAtMost(request.getInputStream(), (int) max);
            if (body == null) {
                refuse(response);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The error page says what happened; the rest of the body is never read, so the connection goes. */
    private static void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    }

    /** The whole body, or null when it is longer than {@code max}. */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] body = in.readNBytes(max + 1);
        return body.length > max ? null : body;
    }

    /**
     * A request whose body was read here: its stream, reader and form parameters come from the bytes
     * (the container's own parameter parsing would find the stream already read).
     */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;
        private Map<String, String[]> parameters;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters().get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters().get(name);
            return values == null ? null : values.clone();
        }

        /** The query's parameters, then the form's, as the servlet spec orders them; read at first use, after setCharacterEncoding. */
        private Map<String, String[]> parameters() {
            if (parameters == null) {
                Map<String, List<String>> found = new LinkedHashMap<>();
                decodeInto(found, getQueryString(), StandardCharsets.UTF_8);
                String type = getContentType();
                if ("POST".equals(getMethod()) && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                    decodeInto(found, new String(body, StandardCharsets.ISO_8859_1), charset());
                }
                Map<String, String[]> map = new LinkedHashMap<>();
                found.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
                parameters = Collections.unmodifiableMap(map);
            }
            return parameters;
        }

        private Charset charset() {
            try {
                return getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }

        /** {@code a=1&b=2}; a pair that does not decode (a stray {@code %}) is skipped, as the container skips it. */
        private static void decodeInto(Map<String, List<String>> found, String encoded, Charset charset) {
            if (encoded == null || encoded.isEmpty()) {
                return;
            }
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                    String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
                    found.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                } catch (IllegalArgumentException malformed) {
                    // skipped, like the container's own parser does
                }
            }
        }
    }
}
