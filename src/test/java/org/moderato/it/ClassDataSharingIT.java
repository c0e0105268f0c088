package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;

/** The server bin/serve starts maps the class archive bin/class-archive made (class data sharing: a shorter start-up). */
@ExtendWith(SharedServer.class)
class ClassDataSharingIT {

    @Test
    void theServerMapsTheClassArchive(ModeratoServer server) throws IOException {
        Path archive = ModeratoServer.projectDir().resolve("target/moderato.jsa");
        assertTrue(Files.size(archive) > 10_000_000, "an archive of the start-up's classes: " + Files.size(archive) + " bytes");
        String maps = Files.readString(Path.of("/proc/" + server.pid() + "/maps"));
        assertTrue(maps.contains(archive.toRealPath().toString()), "the server's JVM maps " + archive);
    }
}
