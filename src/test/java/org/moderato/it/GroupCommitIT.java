package org.moderato.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.moderato.testing.ModeratoServer;

/**
 * Group commit ({@code platform.GroupCommit}, {@code platform.DurableWrites}) works only where H2 writes
 * in the background, which the default URL does not ask for: this server's URL sets {@code WRITE_DELAY=500},
 * as the README's "Durability" offers. On it, the two tests of what an acknowledgement means: a backup
 * taken while readers post restores every comment acknowledged before it ({@code DatabaseBackup} stops
 * the background writer meanwhile), and {@code kill -9} under posting load loses none that got its 303
 * (without the wait in {@code DurableWrites}, this lost comments).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupCommitIT {

    private static ModeratoServer server;

    @BeforeAll
    static void startWithTheBackgroundWriter() throws IOException {
        Path dataDir = Files.createTempDirectory("moderato-group-commit-");
        server = ModeratoServer.startFresh(dataDir, Map.of(
                "MODERATO_DB_URL", "jdbc:h2:file:" + dataDir.resolve("moderato") + ";WRITE_DELAY=500"));
        server.allowQuickPosting(ModeratoServer.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    @Order(1)
    void aBackupTakenWhileReadersPostRestoresEveryCommentAcknowledgedBeforeIt() throws Exception {
        BackupRestoreIT.backupWhileReadersPost(server);
    }

    @Test
    @Order(2)
    void underPostingLoadEveryAcknowledgedCommentSurvivesKillDashNine() throws Exception {
        RestartAndDurabilityIT.killDashNineUnderPostingLoad(server);
    }
}
