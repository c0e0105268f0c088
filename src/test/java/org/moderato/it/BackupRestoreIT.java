package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.Readers;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * {@code bin/backup} on H2 while readers post, {@code bin/restore} into a new data directory, a server
 * started there: every comment whose post was acknowledged (its 303) before the backup began is in the
 * restored site, shown to its author through the same signed preview link. And the door the script uses,
 * {@code /admin/backup}, is for admins with the session's token only.
 */
@ExtendWith(SharedServer.class)
class BackupRestoreIT {

    private static final String ARTICLE = "your-email-stays-private";
    private static final int POSTERS = 2;

    /** A post the server acknowledged, and when the test saw the acknowledgement. */
    record Acknowledged(String text, String previewPath, long at) {}

    @Test
    void aBackupTakenWhileReadersPostRestoresEveryCommentAcknowledgedBeforeIt(ModeratoServer server) throws Exception {
        backupWhileReadersPost(server);
    }

    /**
     * {@code bin/backup} while {@link #POSTERS} readers post, {@code bin/restore} into a new data directory, a
     * server started there: every comment acknowledged before the backup began is in the restored site.
     */
    static void backupWhileReadersPost(ModeratoServer server) throws Exception {
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean posting = new AtomicBoolean(true);
        List<Thread> posters = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int p = 0; p < POSTERS; p++) {
            Thread poster = new Thread(() -> {
                WebClient reader = WebClient.anonymous(server);
                while (posting.get()) {
                    String text = "Backed up " + Readers.unique();
                    try {
                        HttpPage posted = reader.postComment(ARTICLE, "Backup Reader", "backup." + Readers.unique() + "@example.org", "", text);
                        if (posted.status() == 303) {
                            acknowledged.add(new Acknowledged(text, pathOf(posted.location()), System.nanoTime()));
                        }
                    } catch (IOException | RuntimeException e) {
                        failures.add(e);
                        return;
                    }
                }
            });
            poster.start();
            posters.add(poster);
        }
        try {
            awaitAcknowledged(acknowledged, 25);
            long began = System.nanoTime();
            Process backup = script("bin/backup", Map.of(
                    "MODERATO_BACKUP_PASSWORD", ModeratoServer.ADMIN_PASSWORD), "--url", server.baseUrl());
            String output = new String(backup.getInputStream().readAllBytes());
            assertEquals(0, backup.waitFor(), output);
            long ended = System.nanoTime();
            long duringBackup = acknowledged.stream().filter(a -> a.at() > began && a.at() < ended).count();
            posting.set(false);
            for (Thread poster : posters) {
                poster.join();
            }
            assertEquals(List.of(), failures);
            assertTrue(duringBackup > 0, "posts were acknowledged while the backup was taken");
            System.out.printf("BackupRestoreIT: bin/backup took %d ms; %d posts acknowledged before it began, %d while it ran%n",
                    (ended - began) / 1_000_000, acknowledged.stream().filter(a -> a.at() < began).count(), duringBackup);

            String[] lines = output.strip().split("\n");
            Path zip = Path.of(lines[lines.length - 1]);
            assertTrue(zip.startsWith(server.dataDir().resolve("backups")), "the backup is in the site's data directory: " + output);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)), "owner-only");

            Path restoredDir = Files.createTempDirectory("moderato-restored-");
            Process restore = script("bin/restore", Map.of("MODERATO_DATA_DIR", restoredDir.toString()), zip.toString());
            String restoreOutput = new String(restore.getInputStream().readAllBytes());
            assertEquals(0, restore.waitFor(), restoreOutput);

            Process again = script("bin/restore", Map.of("MODERATO_DATA_DIR", restoredDir.toString()), zip.toString());
            String againOutput = new String(again.getInputStream().readAllBytes());
            assertEquals(2, again.waitFor(), "a data directory that holds a database is refused: " + againOutput);

            List<Acknowledged> before = acknowledged.stream().filter(a -> a.at() < began).toList();
            try (ModeratoServer restored = ModeratoServer.start(restoredDir, Map.of(
                    "MODERATO_ADMIN_PASSWORD", ModeratoServer.ADMIN_PASSWORD, "MODERATO_SECRET", ModeratoServer.SECRET))) {
                WebClient author = WebClient.anonymous(restored);
                List<String> missing = new ArrayList<>();
                for (Acknowledged a : before) {
                    HttpPage preview = author.get(a.previewPath());
                    if (preview.status() != 200 || !preview.body().contains(a.text())) {
                        missing.add(a.text() + " (" + preview.status() + ")");
                    }
                }
                assertEquals(List.of(), missing, before.size() + " acknowledged before the backup began, "
                        + duringBackup + " during it; these are not in the restored site");
            }
        } finally {
            posting.set(false);
        }
    }

    @Test
    void theBackupDoorIsForAnAdminWithTheSessionsToken(ModeratoServer server) throws IOException {
        HttpPage anonymous = WebClient.anonymous(server).postForm("/admin/backup", Map.of("token", "x"));
        assertTrue(anonymous.status() == 302 || anonymous.status() == 303, "to the login page: " + anonymous);
        assertTrue(anonymous.location().endsWith("/login"), anonymous.location());

        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        String moderatorName = "backupmod" + Readers.unique();
        assertTrue(admin.addUser(moderatorName, "MODERATOR", "backup-moderator-password-1").body().contains("Account " + moderatorName + " added"));
        WebClient moderator = WebClient.withCookies(server);
        moderator.logIn(moderatorName, "backup-moderator-password-1");
        assertEquals(403, moderator.get("/admin/backup").status(), "a moderator is no admin");
        assertEquals(403, moderator.postForm("/admin/backup", Map.of("token", "x")).status());

        long backupsBefore = backups(server);
        HttpPage noToken = admin.postForm("/admin/backup", Map.of());
        assertEquals(403, noToken.status(), noToken.body());
        HttpPage wrongToken = admin.postForm("/admin/backup", Map.of("token", "not-the-token"));
        assertEquals(403, wrongToken.status(), wrongToken.body());
        HttpPage got = admin.get("/admin/backup");
        assertEquals(200, got.status());
        assertFalse(got.body().contains("/"), "a GET writes nothing and names no file: " + got.body());
        assertEquals(backupsBefore, backups(server), "no backup without the token");

        String token = got.body().strip().replaceFirst("^token=", "");
        HttpPage written = admin.postForm("/admin/backup", Map.of("token", token));
        assertEquals(201, written.status(), written.body());
        assertTrue(Files.size(Path.of(written.body().strip())) > 0);
        assertEquals(backupsBefore + 1, backups(server));
    }

    /** The path and query of a Location, whether the server sent it absolute or not, without its fragment. */
    private static String pathOf(String location) {
        java.net.URI uri = java.net.URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static long backups(ModeratoServer server) throws IOException {
        Path directory = server.dataDir().resolve("backups");
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (var files = Files.list(directory)) {
            return files.count();
        }
    }

    private static void awaitAcknowledged(ConcurrentLinkedQueue<Acknowledged> acknowledged, int count) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (acknowledged.size() < count) {
            if (System.nanoTime() > until) {
                throw new AssertionError("only " + acknowledged.size() + " posts acknowledged in a minute");
            }
            Thread.sleep(50);
        }
    }

    /** One of the project's scripts, as an operator runs it, its output and errors together. */
    static Process script(String script, Map<String, String> environment, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ModeratoServer.projectDir().resolve(script).toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ModeratoServer.projectDir().toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("MODERATO_"));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
