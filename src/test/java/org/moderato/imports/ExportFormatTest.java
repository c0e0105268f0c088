package org.moderato.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportFormatTest {

    private static Optional<ExportFormat> of(String start) throws IOException {
        return ExportFormat.of(new ByteArrayInputStream(start.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tellsTheExportsByTheirRootElement() throws IOException {
        assertEquals(Optional.of(ExportFormat.WORDPRESS), of("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
                + "<!-- generator=\"WordPress/6.1\" created=\"2026-01-01 10:00\" -->\n<rss version=\"2.0\" xmlns:wp=\"x\">"));
        assertEquals(Optional.of(ExportFormat.DISQUS), of("<?xml version=\"1.0\"?>\n<disqus xmlns=\"http://disqus.com\">"));
        assertEquals(Optional.of(ExportFormat.DISQUS), of("<dsq:disqus xmlns:dsq=\"http://disqus.com\">"));
    }

    @Test
    void anythingElseIsNeither() throws IOException {
        assertEquals(Optional.empty(), of("<html><body>rss</body></html>"));
        assertEquals(Optional.empty(), of("<!-- <rss> --><feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assertEquals(Optional.empty(), of(""));
        assertEquals(Optional.empty(), of("not xml at all"));
    }
}
