package org.moderato.testing;

import java.io.IOException;
import java.util.Map;

/** The admin's privacy pages over HTTP, through a client already logged in as admin. */
public final class PrivacyPages {

    public static final String REQUESTS = "/admin/privacy/";

    private final WebClient admin;

    public PrivacyPages(WebClient admin) {
        this.admin = admin;
    }

    public HttpPage count(String email) throws IOException {
        return requestForm(email, Map.of("look-up", "Count comments"));
    }

    /** The answer is the JSON download itself. */
    public HttpPage export(String email) throws IOException {
        return requestForm(email, Map.of("export", "Export as JSON"));
    }

    public HttpPage erase(String email, boolean deleteText) throws IOException {
        return requestForm(email, Map.of("deleteText", Boolean.toString(deleteText), "confirmed", "on", "erase", "Erase personal data"));
    }

    public HttpPage eraseWithoutConfirming(String email) throws IOException {
        return requestForm(email, Map.of("erase", "Erase personal data"));
    }

    private HttpPage requestForm(String email, Map<String, String> extra) throws IOException {
        HttpPage page = open(REQUESTS);
        Map<String, String> form = HtmlForm.fields(page.body(), "privacyform");
        form.put("privacy-email", email);
        form.putAll(extra);
        return admin.postForm(REQUESTS, form);
    }

    public HttpPage revealPage(long commentId) throws IOException {
        return admin.get("/admin/privacy/reveal?comment=" + commentId);
    }

    /** Opens the reveal page of a comment and presses "Reveal address". */
    public HttpPage reveal(long commentId) throws IOException {
        String path = "/admin/privacy/reveal?comment=" + commentId;
        HttpPage page = open(path);
        Map<String, String> form = HtmlForm.fields(page.body(), "revealform");
        form.put("reveal", "Reveal address");
        return admin.postForm(path, form);
    }

    public HttpPage log() throws IOException {
        return open("/admin/privacy/log");
    }

    public HttpPage setRetention(String days) throws IOException {
        HttpPage page = open("/admin/privacy/retention");
        Map<String, String> form = HtmlForm.fields(page.body(), "retentionform");
        form.put("days", days);
        form.put("save", "Save");
        return admin.postForm("/admin/privacy/retention", form);
    }

    public HttpPage anonymiseNow() throws IOException {
        HttpPage page = open("/admin/privacy/retention");
        Map<String, String> form = HtmlForm.fields(page.body(), "retentionform");
        form.put("anonymise-now", "Anonymise now");
        return admin.postForm("/admin/privacy/retention", form);
    }

    public HttpPage keys() throws IOException {
        return open("/admin/privacy/keys");
    }

    public HttpPage rotate() throws IOException {
        HttpPage page = open("/admin/privacy/keys");
        Map<String, String> form = HtmlForm.fields(page.body(), "rotateform");
        form.put("confirmed", "on");
        form.put("rotate", "Rotate the site secret");
        return admin.postForm("/admin/privacy/keys", form);
    }

    private HttpPage open(String path) throws IOException {
        HttpPage page = admin.get(path);
        if (page.status() != 200) {
            throw new AssertionError("cannot open " + path + ": " + page.status());
        }
        return page;
    }
}
