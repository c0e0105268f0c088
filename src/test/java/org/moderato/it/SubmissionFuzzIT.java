package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.moderato.comment.CommentLimits;
import org.moderato.platform.SiteSecret;
import org.moderato.rules.FormToken;
import org.moderato.testing.DirectDatabase;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.WebClient;

/**
 * Generated comment submissions against the running server: random and hostile field values, broken
 * encodings, sizes up to the limits and past them, missing and repeated parameters, wrong content
 * types. Whatever arrives, the server answers without a 5xx, stores each comment it redirected for
 * exactly once, stores nothing for a refusal, and spends a bounded CPU time per request.
 * {@code -Dfuzz.count=100000} for a longer run, {@code -Dfuzz.seed=N} to replay one (the seed is in
 * every failure message).
 */
class SubmissionFuzzIT {

    private static final int COUNT = Integer.getInteger("fuzz.count", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", new Random().nextLong());
    private static final int CLIENTS = 4;
    private static final Duration MAX_MEAN_CPU = Duration.ofMillis(50);
    private static final List<String> SLUGS = List.of("welcome-to-moderato", "why-comments-need-moderation",
            "your-email-stays-private", "no-such-article");
    private static final Pattern STORED = Pattern.compile("(?:unapproved=|#comment-)(\\d+)");

    /** Sent when a test fails, so the run can be replayed. */
    private static String seed() {
        return " (replay: -Dfuzz.seed=" + SEED + " -Dfuzz.count=" + COUNT + ")";
    }

    @Test
    void noSubmissionBreaksTheServerLosesAConfirmedCommentOrStoresARefusedOne() throws Exception {
        System.out.println("SubmissionFuzzIT: " + COUNT + " submissions" + seed());
        Instant started;
        Map<Long, Integer> redirected = new ConcurrentHashMap<>();
        List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answered = new AtomicInteger();
        Duration cpu;
        try (ModeratoServer server = ModeratoServer.startFresh(Map.of("MODERATO_JAVA_OPTS", ModeratoServer.FULL_JIT_JAVA_OPTS))) {
            server.allowQuickPosting(ModeratoServer.ADMIN_PASSWORD);
            FormToken forms = new FormToken(SiteSecret.derive(ModeratoServer.SECRET.getBytes(StandardCharsets.UTF_8), "form-token"));
            WebClient reader = WebClient.anonymous(server);
            List<Long> articleIds = new ArrayList<>();
            for (String slug : SLUGS.subList(0, 3)) {
                articleIds.add(FormToken.articleOf(WebClient.formTokenOf(reader.get("/articles/" + slug))));
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            started = Instant.now().minusSeconds(1);
            Duration cpuBefore = server.cpuTime();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(SEED + c);
                int share = COUNT / CLIENTS + (c < COUNT % CLIENTS ? 1 : 0);
                running.add(clients.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        Generated request = Generated.next(random, server, forms, articleIds);
                        HttpResponse<String> response = http.send(request.request(), HttpResponse.BodyHandlers.ofString());
                        answered.incrementAndGet();
                        if (response.statusCode() >= 500) {
                            serverErrors.add(response.statusCode() + " for " + request.description());
                        }
                        if (response.statusCode() == 303) {
                            String location = response.headers().firstValue("Location").orElse("");
                            Matcher id = STORED.matcher(location);
                            if (id.find()) {
                                redirected.merge(Long.parseLong(id.group(1)), 1, Integer::sum);
                            } else {
                                serverErrors.add("303 to " + location + " for " + request.description());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            clients.shutdown();
            cpu = server.cpuTime().minus(cpuBefore);
            server.stop();

            Set<Long> storedSince = new HashSet<>();
            int eventsSince;
            try (DirectDatabase db = DirectDatabase.open(server); Statement sql = db.connection().createStatement()) {
                Timestamp since = Timestamp.from(started);
                try (ResultSet rows = sql.executeQuery("SELECT id FROM comments WHERE created_at >= '" + since + "'")) {
                    while (rows.next()) {
                        storedSince.add(rows.getLong(1));
                    }
                }
                try (ResultSet events = sql.executeQuery("SELECT COUNT(*) FROM moderation_events WHERE occurred_at >= '" + since + "'")) {
                    events.next();
                    eventsSince = events.getInt(1);
                }
            }
            System.out.printf("SubmissionFuzzIT: %d answered, %d stored, server CPU %d ms (%.2f ms per request)%s%n", answered.get(),
                    redirected.size(), cpu.toMillis(), cpu.toNanos() / 1e6 / answered.get(), seed());
            assertEquals(List.of(), serverErrors, "answers with a 5xx, or a 303 to no comment" + seed());
            assertEquals(COUNT, answered.get(), seed());
            assertEquals(Map.of(), Map.copyOf(redirected.entrySet().stream().filter(e -> e.getValue() != 1)
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))), "one comment, two 303s" + seed());
            assertEquals(redirected.keySet(), storedSince, "every 303 stored, and nothing else (a refusal stored nothing)" + seed());
            assertEquals(redirected.size(), eventsSince, "one history row per stored comment" + seed());
            assertTrue(cpu.dividedBy(Math.max(1, answered.get())).compareTo(MAX_MEAN_CPU) < 0,
                    "mean server CPU per request " + cpu.toMillis() / (double) answered.get() + " ms" + seed());
        }
    }

    /** One generated request and what it was, for the failure message. */
    private record Generated(HttpRequest request, String description) {

        private static final String[] HOSTILE = {
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR '1'='1", "'; DROP TABLE comments; --",
            "\u0000", "\u202e\u200b\ufeff", "😀👍🏽", "e\u0301\u0301\u0301", "%00%ff%zz", "&#0;&#x110000;&amp;", "${jndi:ldap://127.0.0.1/x}",
            "#{facesContext}", "../../../etc/passwd", "http://a.example https://b.example www.c.example", "<a href=x>y</a>",
            "\r\nSet-Cookie: x=y", "a@b", "@example.com", "0", "-1", "99999999999999999999", "1e9", "null", " ",
        };
        private static final String[] FIELDS = {"commentform", "comment", "author", "email", "url", "comment_extra",
            "moderato_token", "comment_parent", "submit", "jakarta.faces.ViewState"};

        static Generated next(Random random, ModeratoServer server, FormToken forms, List<Long> articleIds) {
            int article = random.nextInt(10) == 0 ? 3 : random.nextInt(3);
            String slug = SLUGS.get(article);
            long articleId = articleIds.get(Math.min(article, 2));
            List<String[]> fields = new ArrayList<>();
            String tag = Long.toHexString(random.nextLong());
            for (String name : FIELDS) {
                int shape = random.nextInt(20);
                if (shape == 0) {
                    continue;
                }
                String value = shape == 1 ? hostile(random) : shape == 2 ? sized(random, limitOf(name)) : valid(name, random, tag, forms, articleId);
                fields.add(new String[] {name, value});
                if (shape == 3) {
                    fields.add(new String[] {name, random.nextBoolean() ? hostile(random) : valid(name, random, tag, forms, articleId)});
                }
            }
            if (random.nextInt(10) == 0) {
                fields.add(new String[] {hostile(random), hostile(random)});
            }
            java.util.Collections.shuffle(fields.subList(0, random.nextInt(4) == 0 ? fields.size() : 0), random);
            int encoding = random.nextInt(12);
            byte[] body = encode(fields, encoding == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            if (encoding == 1) {
                body = brokenUtf8(random, body);
            }
            String contentType = switch (random.nextInt(14)) {
                case 0 -> "text/plain";
                case 1 -> "application/json";
                case 2 -> "multipart/form-data; boundary=" + tag;
                case 3 -> "application/x-www-form-urlencoded; charset=" + (random.nextBoolean() ? "ISO-8859-1" : "x-unknown");
                case 4 -> null;
                default -> "application/x-www-form-urlencoded";
            };
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/articles/" + slug)))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (random.nextInt(8) == 0) {
                request.header("User-Agent", sized(random, CommentLimits.USER_AGENT_MAX * 2).replaceAll("[^ -~]", "x"));
            }
            String description = "POST /articles/" + slug + " Content-Type " + contentType + ", " + body.length + " bytes: "
                    + new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1);
            return new Generated(request.build(), description);
        }

        private static String valid(String name, Random random, String tag, FormToken forms, long articleId) {
            return switch (name) {
                case "commentform" -> "commentform";
                case "comment" -> "Fuzzed comment " + tag + " " + random.nextInt(1_000_000);
                case "author" -> "Fuzzer " + tag.substring(0, 4);
                case "email" -> "fuzz-" + tag + "@example.com";
                case "url" -> random.nextBoolean() ? "" : "https://site.example/" + tag;
                case "comment_extra" -> "";
                case "moderato_token" -> forms.issue(articleId, Instant.now().minusSeconds(5 + random.nextInt(3_000)));
                case "comment_parent" -> random.nextInt(3) == 0 ? Integer.toString(random.nextInt(50)) : "";
                case "submit" -> "Post Comment";
                default -> "stateless";
            };
        }

        private static int limitOf(String name) {
            return switch (name) {
                case "author" -> CommentLimits.NAME_MAX;
                case "email" -> CommentLimits.EMAIL_MAX;
                case "url" -> CommentLimits.WEBSITE_MAX;
                case "comment" -> CommentLimits.BODY_MAX_BYTES;
                default -> 2_000;
            };
        }

        /** Around the limit: just under, at, just over, or far over; of one- to four-byte characters. */
        private static String sized(Random random, int limit) {
            int length = switch (random.nextInt(4)) {
                case 0 -> Math.max(0, limit - 1 - random.nextInt(3));
                case 1 -> limit;
                case 2 -> limit + 1 + random.nextInt(3);
                default -> limit * (2 + random.nextInt(3));
            };
            String unit = switch (random.nextInt(4)) {
                case 0 -> "a";
                case 1 -> "é";
                case 2 -> "€";
                default -> "😀";
            };
            StringBuilder text = new StringBuilder(length);
            while (text.length() < length) {
                text.append(unit);
            }
            return text.toString();
        }

        private static String hostile(Random random) {
            return HOSTILE[random.nextInt(HOSTILE.length)] + (random.nextBoolean() ? HOSTILE[random.nextInt(HOSTILE.length)] : "");
        }

        private static byte[] encode(List<String[]> fields, java.nio.charset.Charset charset) {
            StringBuilder form = new StringBuilder();
            for (String[] field : fields) {
                if (form.length() > 0) {
                    form.append('&');
                }
                form.append(URLEncoder.encode(field[0], charset)).append('=').append(URLEncoder.encode(field[1], charset));
            }
            return form.toString().getBytes(StandardCharsets.US_ASCII);
        }

        /** Raw bytes the form encoding never produces: invalid UTF-8, stray percent signs, control characters. */
        private static byte[] brokenUtf8(Random random, byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 16);
            out.writeBytes(body);
            byte[][] junk = {{(byte) 0xff, (byte) 0xfe}, {(byte) 0xc3}, {'%', 'Z'}, {'%'}, {'&', '&', '='}, {0}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}};
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                out.writeBytes(junk[random.nextInt(junk.length)]);
            }
            return out.toByteArray();
        }
    }
}
