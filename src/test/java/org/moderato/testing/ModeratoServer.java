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
import org.moderato.platform.ConfiguredDataSource;
import org.moderato.platform.DatabaseConfig;

/**
 * The real Moderato, started the way users start it: {@code bin/serve} runs the built war on Payara
 * Micro in its own JVM, with its own data directory and a free port on 127.0.0.1.
 *
 * <p>With the system property {@code moderato.it.postgres.port} (set by the pom's {@code postgres}
 * execution, from the private PostgreSQL that {@code bin/test} starts), every fresh server gets a new,
 * empty PostgreSQL database of its own on that server instead of H2 in its data directory.
 */
public final class ModeratoServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "it-admin-password-0";
    /** A known site secret, so tests can make the app's signed links themselves (e.g. an expired one). */
    public static final String SECRET = "it-site-secret-known-to-the-tests-0001";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    /** The private PostgreSQL of this run's postgres execution, or empty when the tests run on H2. */
    private static final String POSTGRES_PORT = System.getProperty("moderato.it.postgres.port", "").strip();
    public static final String POSTGRES_USER = "postgres";

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
        return startFresh(Files.createTempDirectory("moderato-it-"), settings);
    }

    /** A fresh server whose database the test can open while it runs (see {@link #databaseOpenToTests}). */
    public static ModeratoServer startFreshWithDatabaseOpen() throws IOException {
        Path dataDir = Files.createTempDirectory("moderato-it-");
        return startFresh(dataDir, databaseOpenToTests(dataDir));
    }

    /**
     * Java options of a test's server: the JIT's first tier only. Most servers of the suite live for a few
     * dozen requests, and on two cores the second tier's compiling takes a third of a start (here 14-18 s
     * to ready with it, 10-11 s without). Servers that measure CPU or run long keep the JDK's full JIT
     * ({@link #FULL_JIT_JAVA_OPTS}): the shared server, the fuzz run, the import benchmark.
     */
    public static final String QUICK_START_JAVA_OPTS = "-Xmx512m -XX:TieredStopAtLevel=1";

    /** The JDK's default compilers, for servers whose speed a test measures. */
    public static final String FULL_JIT_JAVA_OPTS = "-Xmx512m";

    /**
     * Settings that let a test open the server's H2 database while it runs ({@link DirectDatabase#openWhileRunning}):
     * H2's automatic mixed mode, its TCP port bound to 127.0.0.1 only, and a lock timeout long enough
     * that the server waits for a row lock a test holds on purpose instead of failing after H2's second.
     * For tests that check stored rows after every step or hold the server at a known point.
     */
    public static Map<String, String> databaseOpenToTests(Path dataDir) {
        if (onPostgres()) {
            // a PostgreSQL database is open to other connections anyway, and waits for a lock as long as it is held
            return Map.of("MODERATO_JAVA_OPTS", QUICK_START_JAVA_OPTS);
        }
        return Map.of(
                "MODERATO_DB_URL", DatabaseConfig.h2Url(dataDir, ConfiguredDataSource.H2_OPTIONS + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=120000"),
                "MODERATO_JAVA_OPTS", QUICK_START_JAVA_OPTS + " -Dh2.bindAddress=127.0.0.1");
    }

    /** A fresh server on this (empty) data directory, for settings that name it (a database URL). */
    public static ModeratoServer startFresh(Path dataDir, Map<String, String> settings) throws IOException {
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.put("MODERATO_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.putIfAbsent("MODERATO_SECRET", SECRET);
        environment.putIfAbsent("MODERATO_LOG_QUERY_COUNTS", "true");
        // the fewest PBKDF2 rounds the setting allows: the suite creates and logs in hundreds of staff
        // accounts, each a second of CPU at the default; RestartAndDurabilityIT's server keeps the default
        environment.putIfAbsent("MODERATO_PASSWORD_ITERATIONS", "10000");
        if (onPostgres() && !environment.containsKey("MODERATO_DB_URL")) {
            environment.put("MODERATO_DB_URL", createPostgresDatabase(dataDir));
            environment.put("MODERATO_DB_USER", POSTGRES_USER);
        }
        return start(dataDir, environment);
    }

    /** Whether this run's fresh servers use PostgreSQL ({@code moderato.it.postgres.port}) rather than H2. */
    public static boolean onPostgres() {
        return !POSTGRES_PORT.isEmpty();
    }

    /** A new empty database on the run's PostgreSQL, named after the data directory (unique, and the same on a restart). */
    public static String createPostgresDatabase(Path dataDir) throws IOException {
        String name = dataDir.getFileName().toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(postgresUrl("postgres"), POSTGRES_USER, "");
             java.sql.Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IOException("could not create the database " + name + " on the tests' PostgreSQL (port " + POSTGRES_PORT + ")", e);
        }
        return postgresUrl(name);
    }

    private static String postgresUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/" + database;
    }

    /** The JDBC URL of this server's database as the tests open it: its PostgreSQL database, or its H2 file. */
    public String databaseUrl() {
        return environment.getOrDefault("MODERATO_DB_URL", DatabaseConfig.h2Url(dataDir, ""));
    }

    /** The user the tests open {@link #databaseUrl()} as. */
    public String databaseUser() {
        return environment.getOrDefault("MODERATO_DB_USER", "sa");
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

    /** Starts (or starts again, on the same data and port) and waits until {@code /health/ready} answers 200. */
    public void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        ensureClassArchive();
        ProcessBuilder builder = new ProcessBuilder(
                List.of(projectDir().resolve("bin/serve").toString(), "--port", Integer.toString(port)));
        builder.directory(projectDir().toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MODERATO_"));
        env.put("MODERATO_DATA_DIR", dataDir.toString());
        env.put("MODERATO_JAVA_OPTS", QUICK_START_JAVA_OPTS);
        env.putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Instant begin = Instant.now();
        process = builder.start();
        awaitHealthy(begin);
        lastStartTime = Duration.between(begin, Instant.now());
    }

    private static boolean classArchiveChecked;

    /**
     * bin/serve maps {@code target/moderato.jsa} (class data sharing) when it exists; as bin/run does for
     * users, the run's first start asks bin/class-archive to make it when it is missing or stale.
     */
    private static synchronized void ensureClassArchive() throws IOException {
        if (classArchiveChecked) {
            return;
        }
        classArchiveChecked = true;
        Path archiveLog = projectDir().resolve("target/it-logs/class-archive.log");
        Process making = new ProcessBuilder(projectDir().resolve("bin/class-archive").toString(), "--if-stale")
                .directory(projectDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(archiveLog.toFile()))
                .start();
        try {
            if (!making.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || making.exitValue() != 0) {
                making.destroyForcibly();
                throw new IllegalStateException("bin/class-archive failed; see " + archiveLog);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void awaitHealthy(Instant begin) throws IOException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
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

    private static final Pattern QUERY_COUNT_LINE =
            Pattern.compile("SQL statements: (\\d+) for GET (\\S+?)( \\(page cache\\))?(?:\\]\\])?$", Pattern.MULTILINE);

    /** One request's line in the query-count log: its statements, and whether the page cache answered without rendering. */
    public record LoggedRequest(String pathAndQuery, int statements, boolean fromPageCache) {}

    /**
     * The query-count lines logged for GETs whose path and query start with {@code prefix}, waiting until
     * there are at least {@code expected} (the line is written after the answer, so it may lag the client).
     */
    public List<LoggedRequest> loggedRequests(String prefix, int expected) throws IOException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (true) {
            List<LoggedRequest> found = new java.util.ArrayList<>();
            Matcher line = QUERY_COUNT_LINE.matcher(log());
            while (line.find()) {
                if (line.group(2).startsWith(prefix)) {
                    found.add(new LoggedRequest(line.group(2), Integer.parseInt(line.group(1)), line.group(3) != null));
                }
            }
            if (found.size() >= expected) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("logged " + found.size() + " of " + expected + " GETs of " + prefix + "*");
            }
            sleep(50);
        }
    }

    /**
     * How many SQL statements it took to render the page of the one request to {@code pathAndQuery}
     * (make it unique); fails when the page cache answered it, as the count would then be 0, not the page's.
     */
    public int renderedQueryCount(String pathAndQuery) throws IOException {
        List<LoggedRequest> logged = loggedRequests(pathAndQuery, 1).stream()
                .filter(r -> r.pathAndQuery().equals(pathAndQuery)).toList();
        if (logged.size() != 1) {
            throw new AssertionError("expected one request to " + pathAndQuery + ", logged: " + logged);
        }
        if (logged.get(0).fromPageCache()) {
            throw new AssertionError("GET " + pathAndQuery + " was answered by the page cache, not rendered");
        }
        return logged.get(0).statements();
    }

    /** CPU time (user + system) the server's JVM has used so far, from /proc (Linux). */
    /**
     * Waits until the server has settled: less than 100 ms of CPU in a second, so work a request set off
     * after it was answered (the spam filter's rebuild after an import) has finished. Fails after {@code timeout}.
     */
    public void awaitIdle(Duration timeout) throws IOException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            Duration before = cpuTime();
            sleep(1000);
            if (cpuTime().minus(before).compareTo(Duration.ofMillis(100)) < 0) {
                return;
            }
        }
        throw new AssertionError("the server was still busy after " + timeout);
    }

    public Duration cpuTime() throws IOException {
        long pid = ProcessHandle.of(process.pid()).stream()
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no java process under bin/serve " + process.pid()))
                .pid();
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // the fields after the command name, which is in parentheses and may hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
    }

    /** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

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

    public static int freePort() throws IOException {
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
