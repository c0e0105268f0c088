package org.moderato.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.WebClient;

/**
 * A generated export with 50,000 comments (50 posts of 1,000, threaded, all four statuses; a 36 MB file)
 * imported into a server whose heap is capped at 192 MB: the import streams, so it must fit (a parsed
 * document of a 36 MB file takes several times its size). {@code -Dimport.posts=100 -Dimport.heap=256m}
 * runs the larger benchmark (100,000 comments, 72 MB) of earlier runs. Prints the time,
 * the comments per second and the largest heap use sampled while it ran (target/it-logs/import-benchmark.txt).
 */
class WxrImportBenchmarkIT {

    private static final int POSTS = Integer.getInteger("import.posts", 50);
    private static final String HEAP = System.getProperty("import.heap", "192m");
    private static final int COMMENTS_PER_POST = 1_000;
    private static final String[] STATUSES = {"1", "1", "1", "0", "spam", "trash"};

    @Test
    void aLargeExportImportsInBoundedMemory() throws Exception {
        Path file = generate(Files.createTempFile("wxr-100k-", ".xml"));
        Path dataDir = Files.createTempDirectory("moderato-bench-");
        try (ModeratoServer server = ModeratoServer.start(dataDir, Map.of(
                "MODERATO_ADMIN_PASSWORD", ModeratoServer.ADMIN_PASSWORD, "MODERATO_JAVA_OPTS", "-Xmx" + HEAP))) {
            WebClient staff = ArticleAdminIT.admin(server);
            HttpPage form = staff.get("/admin/import");
            HeapSampler heap = new HeapSampler(server.pid());
            heap.start();
            Instant begin = Instant.now();
            HttpPage answer = staff.postMultipart("/admin/import", Map.of("importform", "importform", "import", "Import",
                    "jakarta.faces.ViewState", form.viewState()), "file", file);
            Duration took = Duration.between(begin, Instant.now());
            heap.interrupt();
            heap.join();

            assertEquals(200, answer.status());
            assertEquals(POSTS + " articles, " + POSTS * COMMENTS_PER_POST + " comments imported.", WordPressTransferIT.text(answer.element("p", "import-summary")));
            String report = String.format("WXR import benchmark: %,d bytes, %d posts, %,d comments in %.1f s = %.0f comments/s"
                            + " (upload included); server -Xmx%s, largest heap use sampled %d MB (%d samples)",
                    Files.size(file), POSTS, POSTS * COMMENTS_PER_POST, took.toMillis() / 1000.0,
                    POSTS * COMMENTS_PER_POST / (took.toMillis() / 1000.0), HEAP, heap.peak.get() / 1024, heap.samples.get());
            System.out.println(report);
            Files.writeString(ModeratoServer.projectDir().resolve("target/it-logs/import-benchmark.txt"), report + "\n");
            assertTrue(took.toMinutes() < 5, report);
            assertTrue(heap.samples.get() >= took.toSeconds() / 5, "the sampler ran throughout the import: " + report);
            // what the import set off after its commit (the spam filter rebuilds from the imported statuses) is part of the import
            server.awaitIdle(java.time.Duration.ofMinutes(3));
            long retainedKb = HeapSampler.usedAfterFullGc(server.pid());
            assertTrue(retainedKb < 128 * 1024, "the import keeps nothing once done: " + retainedKb / 1024 + " MB live after a full GC; " + report);

            HttpPage spam = staff.get("/moderation?status=spam");
            assertTrue(spam.body().contains("Commenter"), "the imported comments are in the queue");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Path generate(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                    + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n"
                    + "<title>Benchmark</title><wp:wxr_version>1.2</wp:wxr_version>\n"
                    + "<wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>\n");
            long commentId = 1;
            for (int post = 1; post <= POSTS; post++) {
                out.write("<item><title><![CDATA[Benchmark post " + post + "]]></title><dc:creator>bench</dc:creator>"
                        + "<content:encoded><![CDATA[<p>Post number " + post + " with <em>some</em> text.</p>]]></content:encoded>"
                        + "<wp:post_id>" + post + "</wp:post_id><wp:post_date_gmt>2024-01-01 00:00:00</wp:post_date_gmt>"
                        + "<wp:comment_status>open</wp:comment_status><wp:post_name>benchmark-post-" + post + "</wp:post_name>"
                        + "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\n");
                for (int c = 0; c < COMMENTS_PER_POST; c++, commentId++) {
                    long parent = c % 3 == 2 ? commentId - 1 : 0;
                    out.write("<wp:comment><wp:comment_id>" + commentId + "</wp:comment_id>"
                            + "<wp:comment_author><![CDATA[Commenter " + (commentId % 997) + " Zoë]]></wp:comment_author>"
                            + "<wp:comment_author_email>reader" + (commentId % 5000) + "@example.org</wp:comment_author_email>"
                            + "<wp:comment_author_url>https://reader" + (commentId % 50) + ".example/</wp:comment_author_url>"
                            + "<wp:comment_author_IP>192.0.2." + (commentId % 250) + "</wp:comment_author_IP>"
                            + "<wp:comment_date_gmt>2024-02-01 12:" + String.format("%02d", c % 60) + ":00</wp:comment_date_gmt>"
                            + "<wp:comment_content><![CDATA[Comment " + commentId + ": a few sentences of text, as readers write them. "
                            + "Some <b>bold</b>, a <a href=\"https://example.org/" + commentId + "\">link</a> & an ümlaut.]]></wp:comment_content>"
                            + "<wp:comment_approved>" + STATUSES[(int) (commentId % STATUSES.length)] + "</wp:comment_approved>"
                            + "<wp:comment_type>comment</wp:comment_type><wp:comment_parent>" + parent + "</wp:comment_parent>"
                            + "</wp:comment>\n");
                }
                out.write("</item>\n");
            }
            out.write("</channel>\n</rss>\n");
        }
        return file;
    }

    /** Polls the server's heap use with jcmd once a second (each jcmd is a JVM of its own: more often slows the import) and keeps the largest value (KB). */
    private static final class HeapSampler extends Thread {
        private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");
        final AtomicLong peak = new AtomicLong();
        final AtomicLong samples = new AtomicLong();
        private final long pid;

        /** Heap in use (KB) right after a full collection: what the server really holds, not garbage waiting for the collector. */
        static long usedAfterFullGc(long pid) throws IOException, InterruptedException {
            jcmd(pid, "GC.run");
            Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
            assertTrue(used.find(), "no heap figure from jcmd");
            return Long.parseLong(used.group(1));
        }

        private static String jcmd(long pid, String command) throws IOException, InterruptedException {
            Process jcmd = new ProcessBuilder(List.of("jcmd", Long.toString(pid), command)).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            return out;
        }

        HeapSampler(long pid) {
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                try {
                    Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
                    if (used.find()) {
                        peak.accumulateAndGet(Long.parseLong(used.group(1)), Math::max);
                        samples.incrementAndGet();
                    }
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    return;
                }
            }
        }
    }
}
