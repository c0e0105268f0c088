package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.moderato.testing.Desk;
import org.moderato.testing.HtmlForm;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.Readers;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * Every protected address and action, as an anonymous visitor, a moderator and an admin, with exactly
 * the answer each should get: "login" is a redirect to /login, numbers are HTTP statuses.
 */
@ExtendWith(SharedServer.class)
class AuthorisationMatrixIT {

    private static final String LOGIN = "login";
    private static ModeratoServer server;
    private static String moderator;
    private static final String PASSWORD = "matrix-moderator-password";
    private static long commentId;

    @BeforeAll
    static void accounts(ModeratoServer shared) throws IOException {
        server = shared;
        moderator = "matrix-" + Readers.unique().substring(0, 6);
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        assertTrue(admin.addUser(moderator, "MODERATOR", PASSWORD).body().contains("added as moderator"));
        commentId = Readers.pending(server, "Matrix " + Readers.unique());
    }

    private record Row(String path, Object anonymous, Object moderator, Object admin) {}

    @Test
    void pages() throws IOException {
        List<Row> matrix = List.of(
                new Row("/", 200, 200, 200),
                new Row("/articles/" + Readers.WELCOME, 200, 200, 200),
                new Row("/login", 200, 200, 200),
                new Row("/health", 200, 200, 200),
                new Row("/moderation", LOGIN, 200, 200),
                new Row("/moderation?status=spam", LOGIN, 200, 200),
                new Row("/moderation?status=all&s=x&article=1&after=5", LOGIN, 200, 200),
                new Row("/moderation-comment?id=" + commentId, LOGIN, 200, 200),
                new Row("/moderation-comment?id=999999999", LOGIN, 404, 404),
                new Row("/account/password", LOGIN, 200, 200),
                new Row("/admin/", LOGIN, 403, 200),
                new Row("/admin/rules", LOGIN, 403, 200),
                new Row("/admin/users", LOGIN, 403, 200),
                new Row("/admin/webhooks", LOGIN, 403, 200),
                // bin/backup's door: a GET only gives the admin's session its token (BackupRestoreIT checks the POST)
                new Row("/admin/backup", LOGIN, 403, 200),
                // readers' reports (issue 13): the Reported view and the transparency figures are staff pages
                new Row("/moderation-reported", LOGIN, 200, 200),
                new Row("/moderation-transparency", LOGIN, 200, 200),
                new Row("/moderation-transparency?from=2026-01-01&to=2026-12-31", LOGIN, 200, 200),
                new Row("/moderation-transparency.csv", LOGIN, 200, 200),
                new Row("/moderation-reported.xhtml", LOGIN, 404, 404),
                // the reader's pages: a comment that cannot be reported, links without a valid signature
                new Row("/report?comment=999999999", 404, 404, 404),
                new Row("/report", 404, 404, 404),
                new Row("/statement?decision=1&sig=00", 404, 404, 404),
                new Row("/notice?report=1&sig=00", 404, 404, 404),
                // the Faces files themselves are not addresses; the access rules still come first
                new Row("/moderation.xhtml", LOGIN, 404, 404),
                new Row("/moderation-comment.xhtml", LOGIN, 404, 404),
                new Row("/account/password.xhtml", LOGIN, 404, 404),
                new Row("/admin/users.xhtml", LOGIN, 403, 404),
                new Row("/WEB-INF/web.xml", 404, 404, 404),
                new Row("/static/desk.js", 200, 200, 200));
        WebClient anonymous = WebClient.anonymous(server);
        WebClient mod = logIn(moderator, PASSWORD);
        WebClient admin = logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        List<Executable> checks = new ArrayList<>();
        for (Row row : matrix) {
            HttpPage asAnonymous = anonymous.get(row.path());
            HttpPage asModerator = mod.get(row.path());
            HttpPage asAdmin = admin.get(row.path());
            checks.add(() -> expect(row.anonymous(), asAnonymous, "anonymous"));
            checks.add(() -> expect(row.moderator(), asModerator, "moderator"));
            checks.add(() -> expect(row.admin(), asAdmin, "admin"));
        }
        assertAll(checks);
    }

    /** A staff page: its path, a query it needs, and whether only admins may see it. */
    private record StaffPage(String path, String query, boolean adminOnly) {}

    /**
     * Every staff page in every shape the container or the URL mapping might read differently: as is,
     * with a trailing slash, as its Faces file, with a path parameter and with a path below it. An
     * anonymous visitor is always sent to log in; a moderator never sees an admin page; nothing answers 500.
     */
    @Test
    void everyStaffAddressInEveryShape() throws IOException {
        List<StaffPage> staffPages = List.of(
                new StaffPage("/moderation", "", false),
                new StaffPage("/moderation-comment", "?id=" + commentId, false),
                new StaffPage("/moderation-reported", "", false),
                new StaffPage("/moderation-transparency", "", false),
                new StaffPage("/account/password", "", false),
                // the two folders answer at /admin/ and /admin/privacy/ (see pages()); without the slash the container redirects there
                new StaffPage("/admin/index", "", true),
                new StaffPage("/admin/rules", "", true),
                new StaffPage("/admin/users", "", true),
                new StaffPage("/admin/articles", "", true),
                new StaffPage("/admin/edit-article", "", true),
                new StaffPage("/admin/import", "", true),
                new StaffPage("/admin/export", "", true),
                new StaffPage("/admin/privacy/index", "", true),
                new StaffPage("/admin/privacy/keys", "", true),
                new StaffPage("/admin/privacy/log", "", true),
                new StaffPage("/admin/privacy/retention", "", true),
                new StaffPage("/admin/privacy/reveal", "?comment=" + commentId, true));
        WebClient anonymous = WebClient.anonymous(server);
        WebClient mod = logIn(moderator, PASSWORD);
        WebClient admin = logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        List<Executable> checks = new ArrayList<>();
        for (StaffPage page : staffPages) {
            // shape -> what a caller allowed to see the page gets: the page itself, or 404 for an address that is not one
            Map<String, Integer> shapes = new LinkedHashMap<>();
            shapes.put(page.path() + page.query(), 200);
            shapes.put(page.path() + "/" + page.query(), 200);
            shapes.put(page.path() + ".xhtml" + page.query(), 404);
            // the container drops path parameters before it maps the address: the same page, under the same constraint
            shapes.put(page.path() + ";jsessionid=x" + page.query(), 200);
            shapes.put(page.path() + "/x" + page.query(), 404);
            for (Map.Entry<String, Integer> shape : shapes.entrySet()) {
                String path = shape.getKey();
                int allowed = shape.getValue();
                HttpPage asAnonymous = anonymous.get(path);
                HttpPage asModerator = mod.get(path);
                HttpPage asAdmin = admin.get(path);
                checks.add(() -> expect(LOGIN, asAnonymous, "anonymous"));
                checks.add(() -> expect(page.adminOnly() ? 403 : allowed, asModerator, "moderator"));
                checks.add(() -> expect(allowed, asAdmin, "admin"));
            }
        }
        assertAll(checks);
    }

    @Test
    void queueActions() throws IOException {
        long forAnonymous = Readers.pending(server, "Matrix anonymous " + Readers.unique());
        long forModerator = Readers.pending(server, "Matrix moderator " + Readers.unique());
        long forAdmin = Readers.pending(server, "Matrix admin " + Readers.unique());

        // a visitor without a login can only forge the post; it is sent to log in and changes nothing
        HttpPage forged = WebClient.anonymous(server).postForm("/moderation", Map.of("queueform", "queueform",
                "j_idt48:0:j_idt74:0:act", "Approve", "selected", Long.toString(forAnonymous), "bulk-action", "approve",
                "bulk-apply", "Apply", "jakarta.faces.ViewState", "stateless"));
        expect(LOGIN, forged, "anonymous post");

        Desk mod = Desk.logIn(server, moderator, PASSWORD).open("/moderation?s=Matrix+moderator");
        assertEquals(List.of("Comment " + forModerator + ": approved."), mod.press(forModerator, "Approve").infos());
        Desk admin = Desk.logIn(server, "admin", ModeratoServer.ADMIN_PASSWORD).open("/moderation?s=Matrix+admin");
        assertEquals(List.of("Comment " + forAdmin + ": spam."), admin.press(forAdmin, "Spam").infos());
        assertTrue(admin.open("/moderation?s=Matrix+anonymous").lists(forAnonymous), "the forged post changed nothing");
        admin.trashPendingMatching("Matrix");
    }

    @Test
    void adminActionsAsAModerator() throws IOException {
        WebClient mod = logIn(moderator, PASSWORD);
        // the moderator's own view state is the best a moderator can send along
        String state = mod.get("/moderation").viewState();
        Map<String, String> addUser = new LinkedHashMap<>(Map.of("usersform", "usersform", "new-username", "sneaky",
                "new-role", "ADMIN", "new-password", "sneaky-password-1", "add", "Add user", "jakarta.faces.ViewState", state));
        Map<String, String> saveRules = new LinkedHashMap<>(Map.of("rulesform", "rulesform", "manualApproval", "on",
                "save", "Save Changes", "jakarta.faces.ViewState", state));
        expect(403, mod.postForm("/admin/users", addUser), "moderator adding a user");
        expect(403, mod.postForm("/admin/rules", saveRules), "moderator saving rules");
        expect(LOGIN, WebClient.anonymous(server).postForm("/admin/users", addUser), "anonymous adding a user");
        expect(LOGIN, WebClient.anonymous(server).postForm("/account/password", Map.of("passwordform", "passwordform",
                "current-password", "x", "new-password", "new-password-1", "repeat-password", "new-password-1",
                "change-password", "Change password", "jakarta.faces.ViewState", "stateless")), "anonymous password change");

        WebClient admin = logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        assertFalse(admin.get("/admin/users").body().contains("id=\"user-sneaky\""), "no account was made");
        HttpPage page = admin.get("/admin/users");
        Map<String, String> form = HtmlForm.fields(page.body(), "usersform");
        String name = "matrix-admin-" + Readers.unique().substring(0, 4);
        form.putAll(Map.of("new-username", name, "new-role", "MODERATOR", "new-password", "matrix-password-2", "add", "Add user"));
        assertTrue(admin.postForm("/admin/users", form).body().contains("Account " + name + " added"), "the admin may");
    }

    private static WebClient logIn(String username, String password) throws IOException {
        WebClient client = WebClient.withCookies(server);
        assertEquals(302, client.logIn(username, password).status(), username);
        return client;
    }

    private static void expect(Object expected, HttpPage page, String who) {
        String what = who + " " + page.path();
        if (LOGIN.equals(expected)) {
            assertEquals(302, page.status(), what);
            assertTrue(page.location().endsWith("/login"), what + " -> " + page.location());
        } else {
            assertEquals(expected, page.status(), what);
        }
    }
}
