package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.platform.RequestBodyLimit;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * Request bodies are bounded before anything reads them: a comment post larger than the bound gets the
 * friendly 413 page and stores nothing, whether its length is announced or it comes chunked; a body
 * announced too large is refused before it is sent. Raw sockets, so the test controls what is sent
 * and when (an HTTP client would retry or hide a closed connection). The import page's large upload
 * is {@code WordPressTransferIT}'s and {@code WxrImportBenchmarkIT}'s.
 */
@ExtendWith(SharedServer.class)
class RequestBodyLimitIT {

    private static final String SLUG = "welcome-to-moderato";
    private static final int OVER = RequestBodyLimit.PUBLIC_MAX_BYTES + 64 * 1024;

    @Test
    void aCommentPostOverTheBoundIs413AndStoresNothing(ModeratoServer server) throws IOException {
        String tag = "oversized-" + UUID.randomUUID();
        // the comment itself is fine: only the padding field makes the body too large
        byte[] body = padded(commentForm(server, tag), OVER);
        String answer = exchange(server, head("POST", "Content-Length: " + body.length), body, false);
        assertRefused(answer);
        assertNotStored(server, tag);
    }

    @Test
    void aChunkedCommentPostIsCutOffAtTheBoundAndStoresNothing(ModeratoServer server) throws IOException {
        String tag = "chunked-" + UUID.randomUUID();
        String answer = exchange(server, head("POST", "Transfer-Encoding: chunked"), padded(commentForm(server, tag), OVER), true);
        assertRefused(answer);
        assertNotStored(server, tag);
    }

    @Test
    void aChunkedCommentPostWithinTheBoundIsStored(ModeratoServer server) throws IOException {
        String tag = "small-chunked-" + UUID.randomUUID();
        String answer = exchange(server, head("POST", "Transfer-Encoding: chunked"),
                commentForm(server, tag).getBytes(StandardCharsets.US_ASCII), true);
        assertTrue(answer.startsWith("HTTP/1.1 303"), answer);
        assertTrue(admin(server).get("/moderation?status=all&s=" + tag).body().contains("id=\"queued-"), "stored");
    }

    @Test
    void aBodyAnnouncedTooLargeIsRefusedBeforeItIsSent(ModeratoServer server) throws IOException {
        String answer = exchange(server, head("POST", "Content-Length: " + 100_000_000), new byte[0], false);
        assertRefused(answer);
    }

    @Test
    void anAdminsFormMayBeLargerThanTheReadersBound(ModeratoServer server) throws IOException {
        // an article of a million characters is up to 9 MB percent-encoded
        HttpPage page = admin(server).postForm("/admin/rules", Map.of("padding", "y".repeat(OVER)));
        assertEquals(200, page.status(), "an admin page's post over the public bound is read");
    }

    private static void assertRefused(String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer.lines().findFirst().orElse(answer));
        assertTrue(answer.contains("Too much at once"), "the friendly page: " + answer);
        assertFalse(answer.contains("Exception") || answer.contains("at org."), "no stack trace: " + answer);
    }

    private static void assertNotStored(ModeratoServer server, String tag) throws IOException {
        HttpPage found = admin(server).get("/moderation?status=all&s=" + tag);
        assertEquals(200, found.status());
        assertFalse(found.body().contains("id=\"queued-"), "nothing stored for " + tag);
    }

    private static WebClient admin(ModeratoServer server) throws IOException {
        WebClient admin = WebClient.withCookies(server);
        assertEquals(302, admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD).status());
        return admin;
    }

    /** A valid comment form, with a fresh form token, as a browser encodes it. */
    private static String commentForm(ModeratoServer server, String tag) throws IOException {
        String token = WebClient.formTokenOf(WebClient.anonymous(server).get("/articles/" + SLUG));
        return WebClient.commentForm("Body Limit", tag + "@example.com", "", "A comment " + tag, token, null).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The form with a {@code padding} field that brings the body to {@code size} bytes. */
    private static byte[] padded(String form, int size) {
        String padding = "&padding=";
        return (form + padding + "p".repeat(size - form.length() - padding.length())).getBytes(StandardCharsets.US_ASCII);
    }

    private static String head(String method, String lengthHeader) {
        return method + " /articles/" + SLUG + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Connection: close\r\n" + lengthHeader + "\r\n";
    }

    /**
     * Sends the head and, meanwhile, the body (in 8 KB chunks when {@code chunked}), and reads the
     * answer. The body is written on its own thread: once the server has answered and closed, writing
     * fails, as it should, and closing the socket ends a write the server no longer reads.
     */
    private static String exchange(ModeratoServer server, String head, byte[] body, boolean chunked) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(server.baseUrl().replaceAll(".*:", "")))) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CompletableFuture.runAsync(() -> {
                try {
                    for (int at = 0; at < body.length; at += 8192) {
                        int length = Math.min(8192, body.length - at);
                        if (chunked) {
                            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(body, at, length);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // the server answered without reading the rest: what a bound is for
                }
            });
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                // to the end of the page: the server may keep the connection to skip the unread body
                for (int read; !answer.toString(StandardCharsets.UTF_8).contains("</html>") && (read = in.read(buffer)) >= 0; ) {
                    answer.write(buffer, 0, read);
                }
            } catch (java.net.SocketException reset) {
                // a reset after the answer (the server closed with our body unread) ends the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
