package org.moderato.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Another site on another origin: a static page that embeds Moderato's thread with the snippet a site
 * owner pastes, served from its own loopback port by the JDK's HTTP server, under a strict
 * Content-Security-Policy that allows only Moderato's origin for scripts, API calls and images.
 */
public final class HostSite implements AutoCloseable {

    private final HttpServer http;

    private HostSite(HttpServer http) {
        this.http = http;
    }

    /** Serves {@code /post.html} embedding the thread of {@code pageId} (null: the page's URL) from {@code moderato}. */
    public static HostSite serving(ModeratoServer moderato, String pageTitle, String pageId) throws IOException {
        return serving(moderato, pageTitle, pageId, "en");
    }

    /** The same, on a page in the language {@code lang} ({@code <html lang>}, which the widget follows). */
    public static HostSite serving(ModeratoServer moderato, String pageTitle, String pageId, String lang) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        String moderatoOrigin = moderato.baseUrl().replaceAll("/+$", "");
        String page = """
                <!DOCTYPE html>
                <html lang="%s">
                <head><meta charset="utf-8"><title>%s</title></head>
                <body>
                <main>
                <h1>%s</h1>
                <p>A post on a blog that Moderato does not serve.</p>
                <div id="moderato-thread"%s></div>
                </main>
                <script src="%s/embed.js" async></script>
                </body>
                </html>
                """.formatted(lang, pageTitle, pageTitle, pageId == null ? "" : " data-page-id=\"" + pageId + "\"", moderatoOrigin);
        String policy = "default-src 'none'; script-src " + moderatoOrigin + "; connect-src " + moderatoOrigin + "; img-src "
                + moderatoOrigin + "; style-src 'none'; base-uri 'none'; form-action 'none'";
        http.createContext("/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().equals("/post.html") ? page.getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Content-Security-Policy", policy);
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        return new HostSite(http);
    }

    /** What a browser sends as this page's {@code Origin}. */
    public String origin() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public String pageUrl() {
        return origin() + "/post.html";
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
