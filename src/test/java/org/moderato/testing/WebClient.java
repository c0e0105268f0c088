package org.moderato.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plain HTTP against the running server, redirects not followed so tests see exactly what the server
 * answered. HTTP/1.1 as browsers speak plain http: the client's default, a cleartext upgrade to HTTP/2
 * on every new connection, was once cut off by Payara ("EOF reached while reading"). Anonymous clients keep no cookies; staff clients keep their session cookie.
 */
public final class WebClient {

    private final String baseUrl;
    private final HttpClient http;

    private WebClient(ModeratoServer server, boolean keepCookies) {
        this(server.baseUrl(), keepCookies);
    }

    private WebClient(String baseUrl, boolean keepCookies) {
        this.baseUrl = baseUrl;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (keepCookies) {
            builder.cookieHandler(new CookieManager());
        }
        this.http = builder.build();
    }

    public static WebClient anonymous(ModeratoServer server) {
        return new WebClient(server, false);
    }

    public static WebClient withCookies(ModeratoServer server) {
        return new WebClient(server, true);
    }

    /** A client of whatever answers at {@code baseUrl} (a load balancer in front of several servers). */
    public static WebClient at(String baseUrl, boolean keepCookies) {
        return new WebClient(baseUrl, keepCookies);
    }

    public HttpPage get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), path);
    }

    public HttpPage get(String path, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request, path);
    }

    public HttpPage postForm(String path, Map<String, String> fields) throws IOException {
        return postForm(path, fields, Map.of());
    }

    public HttpPage postForm(String path, Map<String, String> fields, Map<String, String> headers) throws IOException {
        return postForm(path, List.copyOf(fields.entrySet()), headers);
    }

    /** A form post with repeated names (ticked checkboxes), in the order given. */
    public HttpPage postForm(String path, List<Map.Entry<String, String>> fields, Map<String, String> headers) throws IOException {
        String body = fields.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request, path);
    }

    /** Opens the article and posts its comment form, the way a browser without JavaScript does. */
    public HttpPage postComment(String slug, String author, String email, String website, String text) throws IOException {
        HttpPage article = get("/articles/" + slug);
        return postComment(slug, author, email, website, text, formTokenOf(article));
    }

    /** The form token a page was served with, or "" when it has no comment form. */
    public static String formTokenOf(HttpPage article) {
        Matcher token = Pattern.compile("name=\"moderato_token\" value=\"([^\"]*)\"").matcher(article.body());
        return token.find() ? token.group(1) : "";
    }

    /** Posts the comment form with a given form token (what a bot or a replay would send). */
    public HttpPage postComment(String slug, String author, String email, String website, String text, String formToken)
            throws IOException {
        return postComment(slug, author, email, website, text, formToken, null);
    }

    /** The comment form as a browser sends it; {@code parent} is the comment replied to, or null. */
    public HttpPage postComment(String slug, String author, String email, String website, String text, String formToken,
                                Long parent) throws IOException {
        return postForm("/articles/" + slug, commentForm(author, email, website, text, formToken, parent));
    }

    /**
     * Opens the article and posts with "Save my name, email, and website in this browser" ticked: the
     * answer may set the returning-commenter cookie, which a {@link #withCookies} client keeps.
     */
    public HttpPage postCommentRemembered(String slug, String author, String email, String text) throws IOException {
        Map<String, String> form = commentForm(author, email, "", text, formTokenOf(get("/articles/" + slug)), null);
        form.put("wp-comment-cookies-consent", "yes");
        return postForm("/articles/" + slug, form);
    }

    /** The fields of the comment form, in the order a browser sends them. */
    public static Map<String, String> commentForm(String author, String email, String website, String text, String formToken,
                                                  Long parent) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("commentform", "commentform");
        form.put("comment", text);
        form.put("author", author);
        form.put("email", email);
        form.put("url", website);
        form.put("comment_extra", "");
        form.put("moderato_token", formToken);
        form.put("comment_parent", parent == null ? "" : parent.toString());
        form.put("submit", "Post Comment");
        form.put("jakarta.faces.ViewState", "stateless");
        return form;
    }

    /** Logs in through the login form; returns the answer to the form post. */
    public HttpPage logIn(String username, String password) throws IOException {
        return logIn(username, password, Map.of());
    }

    /** The same, with extra request headers on both requests (e.g. what a reverse proxy adds). */
    public HttpPage logIn(String username, String password, Map<String, String> headers) throws IOException {
        HttpPage login = get("/login", headers);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("loginform", "loginform");
        form.put("username", username);
        form.put("password", password);
        form.put("login", "Log in");
        form.put("jakarta.faces.ViewState", login.viewState());
        return postForm("/login", form, headers);
    }

    /**
     * The queue view at {@code queuePath}, on the page that holds the comment: the pending view lists the
     * oldest first, 50 a page, and comments other tests left on a shared server may fill the first page;
     * a moderator would page on, the key cursor ({@code after=}) goes straight there.
     */
    public HttpPage queueShowing(String queuePath, long commentId) throws IOException {
        HttpPage queue = get(queuePath);
        if (queue.hasElement("queued-" + commentId) || !isPendingView(queuePath)) {
            return queue;
        }
        return get(queuePath + (queuePath.contains("?") ? "&" : "?") + "after=" + (commentId - 1));
    }

    /** The pending view (oldest first) without a cursor: where {@code after=id-1} starts at the comment. */
    public static boolean isPendingView(String queuePath) {
        return queuePath.startsWith("/moderation") && !queuePath.startsWith("/moderation-")
                && !queuePath.contains("after=") && !queuePath.contains("before=")
                && (!queuePath.contains("status=") || queuePath.contains("status=pending"));
    }

    /** Presses a moderation button ("Approve", "Spam", ...) for one comment on the given queue view. */
    public HttpPage moderate(String queuePath, long commentId, String buttonLabel) throws IOException {
        HttpPage queue = queueShowing(queuePath, commentId);
        String item = queue.element("li", "queued-" + commentId);
        Matcher button = Pattern.compile("name=\"([^\"]+)\" value=\"" + Pattern.quote(buttonLabel) + "\"").matcher(item);
        if (!button.find()) {
            throw new AssertionError("No '" + buttonLabel + "' button for comment " + commentId + " in:\n" + item);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("queueform", "queueform");
        form.put(button.group(1), buttonLabel);
        form.put("jakarta.faces.ViewState", queue.viewState());
        return postForm(queuePath, form);
    }

    /** Adds a staff account on the admin users page ({@code role}: "MODERATOR" or "ADMIN"); returns the answer. */
    public HttpPage addUser(String username, String role, String password) throws IOException {
        HttpPage page = get("/admin/users");
        if (page.status() != 200) {
            throw new AssertionError("cannot open the users page: " + page.status());
        }
        Map<String, String> form = HtmlForm.fields(page.body(), "usersform");
        form.put("new-username", username);
        form.put("new-role", role);
        form.put("new-password", password);
        form.put("add", "Add user");
        return postForm("/admin/users", form);
    }

    /** Opens the admin rules page, changes the given settings, and saves all of them. */
    public HttpPage saveRules(Map<String, String> changes) throws IOException {
        HttpPage page = get("/admin/rules");
        if (page.status() != 200) {
            throw new AssertionError("cannot open the rules page: " + page.status());
        }
        Map<String, String> form = HtmlForm.fields(page.body(), "rulesform");
        changes.forEach((name, value) -> {
            if (value == null) {
                form.remove(name);
            } else {
                form.put(name, value);
            }
        });
        form.put("save", "Save Changes");
        return postForm("/admin/rules", form);
    }

    /** Posts a multipart form with one file, streamed from disk, the way a browser uploads it. */
    public HttpPage postMultipart(String path, Map<String, String> fields, String fileField, java.nio.file.Path file) throws IOException {
        String boundary = "----moderato" + Long.toHexString(System.nanoTime());
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(fileField).append("\"; filename=\"")
                .append(file.getFileName()).append("\"\r\nContent-Type: text/xml\r\n\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")));
        // a large import takes longer than a page
        return send(request, path, Duration.ofMinutes(10));
    }

    private HttpPage send(HttpRequest.Builder request, String path) throws IOException {
        return send(request, path, Duration.ofSeconds(30));
    }

    private HttpPage send(HttpRequest.Builder request, String path, Duration timeout) throws IOException {
        try {
            HttpResponse<String> response = http.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpPage(path, response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
