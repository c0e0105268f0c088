package org.moderato.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API as a browser on another site calls it: every request carries that page's
 * {@code Origin} (or none, as a server-side client sends). HTTP/1.1, no cookies kept. Every answer is
 * checked against the API's OpenAPI document.
 */
public final class ApiClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final ModeratoServer server;
    private final String origin;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private ApiClient(ModeratoServer server, String origin) {
        this.server = server;
        this.origin = origin;
    }

    /** {@code origin}: the page's origin, or null for a client that is not a browser. */
    public static ApiClient from(ModeratoServer server, String origin) {
        return new ApiClient(server, origin);
    }

    /** One answer: the status, the headers, the body and, when it is JSON, the parsed body. */
    public record Answer(String method, String path, int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " did not answer JSON (" + status + "):\n" + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }
    }

    public Answer get(String path) throws IOException {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), Map.of());
    }

    public Answer get(String path, Map<String, String> headers) throws IOException {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    public Answer post(String path, Object json) throws IOException {
        return postRaw(path, JSON.writeValueAsString(json), Map.of());
    }

    public Answer post(String path, Object json, Map<String, String> headers) throws IOException {
        return postRaw(path, JSON.writeValueAsString(json), headers);
    }

    public Answer postRaw(String path, String body, Map<String, String> headers) throws IOException {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.putIfAbsent("Content-Type", "application/json");
        return send("POST", path, HttpRequest.BodyPublishers.ofString(body), all);
    }

    /** A CORS preflight for {@code method}, as a browser sends it before a JSON post. */
    public Answer preflight(String path, String method) throws IOException {
        return send("OPTIONS", path, HttpRequest.BodyPublishers.noBody(),
                Map.of("Access-Control-Request-Method", method, "Access-Control-Request-Headers", "content-type"));
    }

    /** Sends and holds the answer against the API's OpenAPI document ({@link ApiContract}). */
    public Answer send(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) throws IOException {
        Answer answer = exchange(method, path, body, headers);
        ApiContract.of(server).check(answer);
        return answer;
    }

    /** Without the document's check: for fetching the document itself. */
    Answer unchecked(String method, String path) throws IOException {
        return exchange(method, path, HttpRequest.BodyPublishers.noBody(), Map.of());
    }

    private Answer exchange(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).method(method, body)
                .timeout(Duration.ofSeconds(30));
        if (origin != null) {
            request.header("Origin", origin);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(method, path, response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
