package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.WebClient;

/**
 * The default H2 database gives its garbage back while the site runs. H2 writes each commit as a new
 * chunk of every page it changed, so the file holds mostly dead pages until they are compacted, and it
 * compacts only in its background writer, which a URL with {@code WRITE_DELAY=0} does not have: there
 * the file only grew while the server ran (295 MB after 6,600 comments, 10 MB compacted). With the
 * default URL the file shrinks once the site is quiet (H2 keeps dead chunks for its 45 s retention first).
 */
class DatabaseFileIT {

    private static final int COMMENTS = 300;

    @Test
    void theDatabaseFileShrinksBackOnceTheSiteIsQuiet() throws Exception {
        try (ModeratoServer server = ModeratoServer.startFresh(Files.createTempDirectory("moderato-file-"), Map.of())) {
            server.allowQuickPosting(ModeratoServer.ADMIN_PASSWORD);
            Path file = server.dataDir().resolve("moderato.mv.db");
            WebClient reader = WebClient.anonymous(server);
            for (int i = 0; i < COMMENTS; i++) {
                assertEquals(303, reader.postComment("why-comments-need-moderation", "Reader " + i, "reader" + i + "@example.com", "",
                        "Comment number " + i + ", one of many that leave dead pages behind them.").status());
            }
            long grown = Files.size(file);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Files.size(file) > grown / 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
            }
            long quiet = Files.size(file);
            System.out.printf("DatabaseFileIT: %d comments left a %d kB file, %d kB once quiet%n", COMMENTS, grown / 1024, quiet / 1024);
            assertTrue(quiet <= grown / 2, "the file grew to " + grown + " bytes and was still " + quiet + " bytes three minutes later");
        }
    }
}
