package org.moderato.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** The WXR fixture (a hand-written WordPress export) and the admin's import form, over HTTP. */
public final class WordPressFiles {

    private WordPressFiles() {}

    /** A copy of {@code src/test/resources/wordpress/fixture.xml} in a temporary file. */
    public static Path fixture() throws IOException {
        Path file = Files.createTempFile("fixture-", ".xml");
        try (InputStream in = WordPressFiles.class.getResourceAsStream("/wordpress/fixture.xml")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** Uploads a file on the import page through a client logged in as admin; the answer is the page with its summary. */
    public static HttpPage upload(WebClient admin, Path file) throws IOException {
        HttpPage form = admin.get("/admin/import");
        if (form.status() != 200 || !form.body().contains("<label for=\"file\">Export file (WordPress WXR or Disqus XML)</label>")) {
            throw new AssertionError("no import form: " + form.status() + "\n" + form.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("importform", "importform");
        fields.put("import", "Import");
        fields.put("jakarta.faces.ViewState", form.viewState());
        return admin.postMultipart("/admin/import", fields, "file", file);
    }
}
