package org.moderato.site.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The embed widget stays small and self-contained: at most 15 kB gzipped (it has no stylesheet of its own), no other host. */
class EmbedScriptSizeTest {

    static final int MAX_GZIPPED_BYTES = 15 * 1024;
    static final Path SCRIPT = Path.of("webapp/embed.js");

    @Test
    void theWidgetIsAtMost15kBGzipped() throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(Files.readAllBytes(SCRIPT));
        }
        System.out.println("embed.js: " + Files.size(SCRIPT) + " bytes, " + gzipped.size() + " bytes gzipped");
        assertTrue(gzipped.size() <= MAX_GZIPPED_BYTES, gzipped.size() + " bytes gzipped");
    }

    @Test
    void theWidgetTalksToNoOtherHostAndKeepsNoCookie() throws IOException {
        // the code, without its comments (the snippet in the header names an example host)
        String source = Files.readString(SCRIPT).replaceAll("(?m)^\\s*//.*$", "");
        assertFalse(source.matches("(?s).*['\"]https?://.*"), "no address of another host in the script");
        assertFalse(source.contains("document.cookie"), "no cookie");
        assertTrue(source.contains("credentials: 'omit'"), "the API calls carry no cookie either");
    }
}
