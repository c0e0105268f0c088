package org.moderato.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A reader at another IP address: plain HTTP/1.1 over a socket bound to another loopback address
 * (127.0.0.2, ...), since the JDK 17 HttpClient cannot choose its source address. One request per
 * connection, no cookies, redirects not followed.
 */
public final class OtherAddressClient {

    private final ModeratoServer server;
    private final InetAddress from;

    public OtherAddressClient(ModeratoServer server, String loopbackAddress) throws IOException {
        this.server = server;
        this.from = InetAddress.getByName(loopbackAddress);
    }

    public HttpPage get(String path) throws IOException {
        return exchange("GET", path, "");
    }

    /** Opens the article for a fresh form token and posts the comment form, as {@link WebClient} does. */
    public HttpPage postComment(String slug, String author, String email, String text) throws IOException {
        String token = WebClient.formTokenOf(get("/articles/" + slug));
        Map<String, String> form = new LinkedHashMap<>(WebClient.commentForm(author, email, "", text, token, null));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return exchange("POST", "/articles/" + slug, body);
    }

    /** A form post from this address, fields in the order given. */
    public HttpPage postForm(String path, Map<String, String> fields) throws IOException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return exchange("POST", path, body);
    }

    private HttpPage exchange(String method, String path, String body) throws IOException {
        java.net.URI base = java.net.URI.create(server.baseUrl());
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\nUser-Agent: OtherAddressClient\r\n"
                    + (method.equals("POST") ? "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + content.length + "\r\n" : "")
                    + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return read(path, socket.getInputStream());
        }
    }

    private static HttpPage read(String path, InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String raw = new String(all, StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).contains("chunked");
        return new HttpPage(path, status, headers, new String(chunked ? unchunk(rest) : rest, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = at;
            while (body[lineEnd] != '\r') {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
