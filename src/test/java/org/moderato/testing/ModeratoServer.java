package org.moderato.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Moderato, started the way users start it: {@code bin/serve} runs the built war on Payara
 * Micro in its own JVM, with its own data directory and a free port on 127.0.0.1.
 */
public final class ModeratoServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "it-admin-password-0";
    /** A known site secret, so tests can make the app's signed links themselves (e.g. an expired one). */
    public static final String SECRET = "it-site-secret-known-to-the-tests-0001";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path dataDir;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;
    private Duration lastStartTime;

    private ModeratoServer(Path dataDir, Map<String, String> environment) throws IOException {
        this.dataDir = dataDir;
        this.environment = environment;
        this.port = freePort();
        this.log = projectDir().resolve("target/it-logs/server-" + port + ".log");
        Files.createDirectories(log.getParent());
    }

    /** A server on a fresh data directory with a known admin password. */
    public static ModeratoServer startFresh() throws IOException {
        return startFresh(Map.of());
    }

    /** The same, with more settings ({@code MODERATO_...} environment variables). */
    public static ModeratoServer startFresh(Map<String, String> settings) throws IOException {
        Path dataDir = Files.createTempDirectory("moderato-it-");
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.put("MODERATO_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.putIfAbsent("MODERATO_SECRET", SECRET);
        environment.putIfAbsent("MODERATO_LOG_QUERY_COUNTS", "true");
        return start(dataDir, environment);
    }

    /**
     * Turns off the flood wait and the form's minimum age, as an admin would on the rules page, so
     * tests can post many comments from 127.0.0.1 quickly. Tests of those two rules turn them back on.
     */
    public void allowQuickPosting(String adminPassword) throws IOException {
        WebClient admin = WebClient.withCookies(this);
        admin.logIn("admin", adminPassword);
        HttpPage saved = admin.saveRules(Map.of("floodSeconds", "0", "formMinSeconds", "0"));
        if (!saved.body().contains("Settings saved.") && !saved.body().contains("Nothing changed.")) {
            throw new IllegalStateException("could not relax the rules for tests:\n" + saved.body());
        }
    }

    public static ModeratoServer start(Path dataDir, Map<String, String> environment) throws IOException {
        ModeratoServer server = new ModeratoServer(dataDir, environment);
        server.start();
        return server;
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("moderato.project.dir", ".")).toAbsolutePath().normalize();
    }

    /** Starts (or starts again, on the same data and port) and waits until {@code /health} answers 200. */
    public void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        ProcessBuilder builder = new ProcessBuilder(
                List.of(projectDir().resolve("bin/serve").toString(), "--port", Integer.toString(port)));
        builder.directory(projectDir().toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MODERATO_"));
        env.put("MODERATO_DATA_DIR", dataDir.toString());
        env.put("MODERATO_JAVA_OPTS", "-Xmx512m");
        env.putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Instant begin = Instant.now();
        process = builder.start();
        awaitHealthy(begin);
        lastStartTime = Duration.between(begin, Instant.now());
    }

    private void awaitHealthy(Instant begin) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).timeout(Duration.ofSeconds(5)).build();
        while (Duration.between(begin, Instant.now()).compareTo(START_TIMEOUT) < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Moderato exited with " + process.exitValue() + "; log:\n" + logTail());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Moderato did not become healthy within " + START_TIMEOUT + "; log:\n" + logTail());
    }

    /** A clean stop (SIGTERM), as an operator would do it. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    /** {@code kill -9}: no shutdown hooks, no chance to flush anything. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String url(String path) {
        return baseUrl() + path;
    }

    public Path dataDir() {
        return dataDir;
    }

    public long pid() {
        return process.pid();
    }

    public Duration lastStartTime() {
        return lastStartTime;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** How many SQL statements the server logged for the last request to {@code pathAndQuery}. */
    public int lastQueryCount(String pathAndQuery) throws IOException {
        Matcher line = Pattern.compile("SQL statements: (\\d+) for GET (\\S+?)(?:\\]\\])?$", Pattern.MULTILINE).matcher(log());
        int count = -1;
        while (line.find()) {
            if (line.group(2).equals(pathAndQuery)) {
                count = Integer.parseInt(line.group(1));
            }
        }
        if (count < 0) {
            throw new AssertionError("no query count logged for GET " + pathAndQuery);
        }
        return count;
    }

    private String logTail() {
        try {
            String text = log();
            return text.substring(Math.max(0, text.length() - 6000));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
