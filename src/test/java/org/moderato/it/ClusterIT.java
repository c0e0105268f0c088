package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moderato.testing.Comments;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.WebClient;

/**
 * Several nodes: two Moderato nodes on one PostgreSQL database, clustered through Payara's Hazelcast with
 * explicit TCP members ({@code MODERATO_CLUSTER_MEMBERS}, {@code MODERATO_CLUSTER_PORT}, as {@code bin/serve}
 * takes them), behind HAProxy with the documented {@code deploy/haproxy.cfg}, all on loopback. Runs only in
 * the PostgreSQL execution (it needs a database both nodes share).
 */
class ClusterIT {

    private static final String ARTICLE = "why-comments-need-moderation";
    private static final String EMAIL = "cluster.reader@example.com";

    private static ModeratoServer nodeA;
    private static ModeratoServer nodeB;
    private static Process balancer;
    private static String balancerUrl;
    private static String databaseUrl;

    @BeforeAll
    static void start() throws Exception {
        Path dataA = Files.createTempDirectory("moderato-it-");
        Path dataB = Files.createTempDirectory("moderato-it-");
        databaseUrl = ModeratoServer.createPostgresDatabase(dataA);
        int clusterA = ModeratoServer.freePort();
        int clusterB = ModeratoServer.freePort();
        String members = "127.0.0.1:" + clusterA + ",127.0.0.1:" + clusterB;
        nodeA = ModeratoServer.start(dataA, node(members, clusterA));
        nodeB = ModeratoServer.start(dataB, node(members, clusterB));
        assertTrue(nodeB.log().contains("Cluster: 2 member(s)"), "node B joined node A");
        // node B renders a page, so it keeps the rules as they are now (a minimum form age of 3 s) ...
        assertEquals(200, WebClient.anonymous(nodeB).get("/articles/" + ARTICLE).status());
        // ... then node A changes them
        nodeA.allowQuickPosting(ModeratoServer.ADMIN_PASSWORD);

        int port = ModeratoServer.freePort();
        balancerUrl = "http://127.0.0.1:" + port;
        ProcessBuilder haproxy = new ProcessBuilder("haproxy", "-f", ModeratoServer.projectDir().resolve("deploy/haproxy.cfg").toString());
        haproxy.environment().put("MODERATO_LB_BIND", "127.0.0.1:" + port);
        haproxy.environment().put("MODERATO_NODE1", "127.0.0.1:" + port(nodeA));
        haproxy.environment().put("MODERATO_NODE2", "127.0.0.1:" + port(nodeB));
        // the documented config has three nodes; the third address answers nothing, as a node that is down
        haproxy.environment().put("MODERATO_NODE3", "127.0.0.1:" + ModeratoServer.freePort());
        haproxy.redirectErrorStream(true).redirectOutput(ModeratoServer.projectDir().resolve("target/it-logs/haproxy-" + port + ".log").toFile());
        balancer = haproxy.start();
        Instant until = Instant.now().plusSeconds(20);
        while (true) {
            try {
                if (WebClient.at(balancerUrl, false).get("/health/ready").status() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("HAProxy did not answer");
            }
            Thread.sleep(100);
        }
        // the third, dead address leaves the rotation after its failed checks (fall 2, inter 1s)
        Thread.sleep(2500);
    }

    private static Map<String, String> node(String members, int clusterPort) {
        Map<String, String> settings = new HashMap<>();
        settings.put("MODERATO_ADMIN_PASSWORD", ModeratoServer.ADMIN_PASSWORD);
        settings.put("MODERATO_SECRET", ModeratoServer.SECRET);
        settings.put("MODERATO_DB_URL", databaseUrl);
        settings.put("MODERATO_DB_USER", ModeratoServer.POSTGRES_USER);
        settings.put("MODERATO_CLUSTER_MEMBERS", members);
        settings.put("MODERATO_CLUSTER_PORT", Integer.toString(clusterPort));
        settings.put("MODERATO_LOGIN_ATTEMPTS_PER_IP", "1000");
        settings.put("MODERATO_TRUSTED_PROXIES", "127.0.0.1");
        return settings;
    }

    private static int port(ModeratoServer server) {
        return Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
    }

    @AfterAll
    static void stop() {
        if (balancer != null) {
            balancer.destroy();
        }
        if (nodeB != null) {
            nodeB.stop();
        }
        if (nodeA != null) {
            nodeA.stop();
        }
    }

    /**
     * A node that hangs (SIGSTOP: it still accepts connections, and answers nothing) rather than dies: the
     * balancer's checks time out (inter 1s, fall 2) and it is taken out of the rotation, the requests it holds
     * are cut (on-marked-down shutdown-sessions) instead of waiting for the 30 s server timeout, and the other
     * node keeps answering. When it resumes it is checked back in (rise 2).
     */
    @Test
    void aHungNodeIsTakenOutOfTheRotationWithinSecondsAndTheOtherKeepsAnswering() throws Exception {
        record Read(Instant started, Duration took, int status) {}
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Read> reads = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            work.add(pool.submit(() -> {
                WebClient client = WebClient.at(balancerUrl, false);
                while (running.get()) {
                    Instant started = Instant.now();
                    int status;
                    try {
                        status = client.get("/articles/" + ARTICLE).status();
                    } catch (IOException e) {
                        status = -1;
                    }
                    reads.add(new Read(started, Duration.between(started, Instant.now()), status));
                }
                return null;
            }));
        }
        work.add(pool.submit(() -> {
            WebClient client = WebClient.at(balancerUrl, false);
            for (int n = 0; running.get(); n++) {
                try {
                    HttpPage posted = Comments.post(client, ARTICLE, "Hung Poster", "hung.poster@example.com", "While a node hangs " + n + " " + System.nanoTime(), null);
                    if (posted.status() == 303) {
                        acknowledged.add(Comments.idOf(posted));
                    }
                } catch (IOException | RuntimeException | AssertionError cutOff) {
                    // its request or its form page was on the hung node
                }
            }
            return null;
        }));
        Thread.sleep(2000);
        Instant stopped = Instant.now();
        signal(nodeA, "STOP");
        Instant resumed;
        try {
            Thread.sleep(8000);
        } finally {
            signal(nodeA, "CONT");
            resumed = Instant.now();
        }
        Thread.sleep(5000);
        running.set(false);
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();

        Duration slowest = reads.stream().map(Read::took).max(Duration::compareTo).orElseThrow();
        List<Read> failed = reads.stream().filter(r -> r.status() != 200).toList();
        // reads that began once the balancer had had its two failed checks (and a second to spare)
        List<Read> afterMarkedDown = reads.stream().filter(r -> r.started().isAfter(stopped.plusSeconds(4)) && r.started().isBefore(resumed)).toList();
        System.out.println("ClusterIT: node A hung for " + Duration.between(stopped, resumed).toMillis() + " ms: " + reads.size() + " reads, "
                + failed.size() + " not 200, the slowest " + slowest.toMillis() + " ms; " + afterMarkedDown.size() + " reads began 4 s after the hang,"
                + " the slowest of them " + afterMarkedDown.stream().map(Read::took).max(Duration::compareTo).orElse(Duration.ZERO).toMillis()
                + " ms; " + acknowledged.size() + " posts acknowledged");
        assertTrue(slowest.compareTo(Duration.ofSeconds(6)) < 0, "a read waited " + slowest + " (the server timeout is 30 s)");
        assertTrue(afterMarkedDown.size() > 20, "reads went on while node A hung: " + afterMarkedDown.size());
        assertTrue(afterMarkedDown.stream().allMatch(r -> r.status() == 200 && r.took().compareTo(Duration.ofSeconds(1)) < 0),
                "once node A was out of the rotation every read was answered, at once: " + afterMarkedDown.stream().filter(r -> r.status() != 200
                        || r.took().compareTo(Duration.ofSeconds(1)) >= 0).toList());
        assertTrue(acknowledged.size() > 5, "posts went through while node A hung: " + acknowledged.size());
        assertStoredOnce(acknowledged);
        // resumed, node A answers again, directly and through the balancer
        assertEquals(200, WebClient.anonymous(nodeA).get("/health/ready").status());
        assertEquals(200, WebClient.at(balancerUrl, false).get("/articles/" + ARTICLE).status());
    }

    /** Every comment whose post got its 303 is in the shared database, exactly once. */
    private static void assertStoredOnce(java.util.Collection<Long> acknowledged) throws java.sql.SQLException {
        try (Connection db = DriverManager.getConnection(databaseUrl, ModeratoServer.POSTGRES_USER, "");
             Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id) FROM comments WHERE id IN ("
                     + acknowledged.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")")) {
            rs.next();
            assertEquals(acknowledged.size(), rs.getLong(1), "every acknowledged comment is in the database");
            assertEquals(acknowledged.size(), rs.getLong(2), "and none twice");
        }
    }

    private static void signal(ModeratoServer node, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(node.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal);
    }

    @Test
    void aChangeOnOneNodeIsOnTheOtherWithinASecondAndTheDatabaseKeepsWhatMustBeSharedAndTheBalancerSurvivesAKill() throws Exception {
        // the rules relaxed on node A (no flood wait, no minimum form age) hold on node B at once: a post there is taken
        WebClient readerB = WebClient.anonymous(nodeB);
        long onB = Comments.postAndGetId(readerB, ARTICLE, "Cluster Reader", EMAIL, "Posted on B right after A's rule change", null);
        assertTrue(onB > 0);

        // a comment approved on node A is on node B's (kept) page within a second
        WebClient admin = WebClient.withCookies(nodeA);
        assertEquals(302, admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD).status());
        long comment = Comments.postAndGetId(WebClient.anonymous(nodeA), ARTICLE, "Cluster Reader", EMAIL, "Approved on A " + System.nanoTime(), null);
        assertTrue(!Comments.isPublished(readerB, ARTICLE, comment), "pending: not on B's page, which B now keeps");
        assertTrue(!Comments.isPublished(readerB, ARTICLE, comment));
        admin.moderate("/moderation", comment, "Approve");
        Instant approved = Instant.now();
        Duration seen = null;
        // a request B got less than a second after the approval shows it (the time it then takes to answer is B's render)
        while (Duration.between(approved, Instant.now()).toMillis() < 1000) {
            Instant asked = Instant.now();
            if (Comments.isPublished(readerB, ARTICLE, comment)) {
                seen = Duration.between(approved, asked);
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(seen != null, "the comment approved on A was not on B's page within a second");
        System.out.println("ClusterIT: approved on A, on B's page after " + seen.toMillis() + " ms");

        // a form token is spent for the whole cluster (it lives in the database): used on A, refused on B
        WebClient reader = WebClient.anonymous(nodeA);
        String token = WebClient.formTokenOf(reader.get("/articles/" + ARTICLE));
        assertEquals(303, reader.postComment(ARTICLE, "Cluster Reader", EMAIL, "", "Token once " + System.nanoTime(), token).status());
        assertEquals(403, readerB.postComment(ARTICLE, "Cluster Reader", EMAIL, "", "Token twice " + System.nanoTime(), token).status(),
                "a token spent on A is spent on B");

        // through the balancer: several posters and readers, node B killed in the middle
        WebClient moderator = WebClient.at(balancerUrl, true);
        assertEquals(302, moderator.logIn("admin", ModeratoServer.ADMIN_PASSWORD).status());
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failedPosts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> readStatuses = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Instant> readFailures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        for (int poster = 0; poster < 3; poster++) {
            int p = poster;
            work.add(pool.submit(() -> {
                WebClient client = WebClient.at(balancerUrl, false);
                int n = 0;
                while (running.get()) {
                    try {
                        HttpPage posted = Comments.post(client, ARTICLE, "Poster " + p, "poster" + p + "@example.com", "Through the balancer " + p + "-" + n++ + " " + System.nanoTime(), null);
                        if (posted.status() == 303) {
                            acknowledged.add(Comments.idOf(posted));
                        } else {
                            failedPosts.add(posted.status() + "");
                        }
                    } catch (IOException | RuntimeException | AssertionError e) {
                        // cut off with the killed node, or its form page was (no form token on it)
                        failedPosts.add(e.toString());
                    }
                }
                return null;
            }));
        }
        for (int r = 0; r < 3; r++) {
            work.add(pool.submit(() -> {
                WebClient client = WebClient.at(balancerUrl, false);
                while (running.get()) {
                    try {
                        int status = client.get("/articles/" + ARTICLE).status();
                        readStatuses.add(status);
                        if (status != 200) {
                            readFailures.add(Instant.now());
                        }
                    } catch (IOException e) {
                        readStatuses.add(-1);
                        readFailures.add(Instant.now());
                    }
                }
                return null;
            }));
        }
        Thread.sleep(3000);
        Instant killed = Instant.now();
        nodeB.kill();
        Thread.sleep(5000);
        running.set(false);
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        long reads = readStatuses.size();
        long failedReads = readStatuses.stream().filter(s -> s != 200).count();
        Duration lastFailure = readFailures.stream().max(Instant::compareTo).map(t -> Duration.between(killed, t)).orElse(Duration.ZERO);
        System.out.println("ClusterIT: " + acknowledged.size() + " posts acknowledged (303), " + failedPosts.size() + " not " + failedPosts
                + "; " + reads + " reads, " + failedReads + " not 200, the last of them " + lastFailure.toMillis() + " ms after the kill");

        // every acknowledged comment is stored, exactly once
        assertTrue(acknowledged.size() > 10, "posts went through: " + acknowledged.size());
        assertStoredOnce(acknowledged);
        // readers kept getting 200s: at most the requests in flight on the dead node failed, none after a second
        assertTrue(failedReads <= 6, failedReads + " of " + reads + " reads failed");
        assertTrue(lastFailure.compareTo(Duration.ofSeconds(1)) < 0, "a read failed " + lastFailure + " after the kill");

        // the moderator keeps working, or (the session was on the dead node) logs in again: sticky sessions
        HttpPage queue = moderator.get("/moderation");
        if (!queue.body().contains("queueform")) {
            assertEquals(302, moderator.logIn("admin", ModeratoServer.ADMIN_PASSWORD).status());
            queue = moderator.get("/moderation");
        }
        assertEquals(200, queue.status());
        assertTrue(queue.body().contains("queueform"), "the queue through the balancer");

        // the dead node restarts and rejoins: changes reach it again
        nodeB.start();
        assertEquals(2, nodeB.log().split("Cluster: 2 member\\(s\\)", -1).length - 1, "B rejoined the cluster on its restart");
        long later = Comments.postAndGetId(WebClient.anonymous(nodeA), ARTICLE, "Cluster Reader", EMAIL, "After the restart " + System.nanoTime(), null);
        assertTrue(!Comments.isPublished(readerB, ARTICLE, later));
        admin.moderate("/moderation", later, "Approve");
        Instant again = Instant.now();
        while (true) {
            Instant asked = Instant.now();
            if (Comments.isPublished(readerB, ARTICLE, later)) {
                break;
            }
            assertTrue(Duration.between(again, asked).toMillis() < 1000, "the restarted node B did not hear of the approval within a second");
            Thread.sleep(20);
        }
    }
}
