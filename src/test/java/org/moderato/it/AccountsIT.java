package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moderato.testing.HtmlForm;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.Readers;
import org.moderato.testing.WebClient;

/**
 * Staff accounts over HTTP: admins add, disable, enable, promote, demote, reset and remove; everyone
 * changes their own password; a changed account's sessions end. On a server of its own, because the
 * last-admin rule needs to know exactly which admins exist.
 */
class AccountsIT {

    private static ModeratoServer server;

    @BeforeAll
    static void start() throws IOException {
        // wrong passwords are part of these tests; the throttle has its own (LoginLockoutIT)
        server = ModeratoServer.startFresh(Map.of("MODERATO_LOGIN_ATTEMPTS_PER_IP", "1000", "MODERATO_LOGIN_ATTEMPTS", "1000"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static WebClient admin() throws IOException {
        return logIn("admin", ModeratoServer.ADMIN_PASSWORD);
    }

    private static WebClient logIn(String username, String password) throws IOException {
        WebClient client = WebClient.withCookies(server);
        HttpPage login = client.logIn(username, password);
        assertEquals(302, login.status(), username + " could not log in:\n" + login.body());
        return client;
    }

    private static HttpPage failedLogIn(String username, String password) throws IOException {
        HttpPage login = WebClient.withCookies(server).logIn(username, password);
        assertEquals(200, login.status());
        return login;
    }

    /** Presses a button in one account's row of the users page (and, for two-step actions, the second one). */
    private static HttpPage press(WebClient admin, String username, String label) throws IOException {
        HttpPage page = admin.get("/admin/users");
        return post(admin, page, buttonIn(page.element("tr", "user-" + username), label), label, Map.of());
    }

    private static HttpPage post(WebClient client, HttpPage page, String button, String label, Map<String, String> extra)
            throws IOException {
        Map<String, String> form = HtmlForm.fields(page.body(), "usersform");
        form.putAll(extra);
        form.put(button, label);
        return client.postForm("/admin/users", form);
    }

    private static String buttonIn(String html, String label) {
        Matcher button = Pattern.compile("name=\"([^\"]+)\" value=\"" + Pattern.quote(label) + "\"").matcher(html);
        assertTrue(button.find(), "no '" + label + "' in " + html);
        return button.group(1);
    }

    private static List<String> messages(HttpPage page, String listId) {
        List<String> found = new ArrayList<>();
        if (!page.body().contains("<ul id=\"" + listId + "\"")) {
            return found;
        }
        Matcher m = Pattern.compile("<li[^>]*>(.*?)</li>", Pattern.DOTALL).matcher(page.element("ul", listId));
        while (m.find()) {
            found.add(m.group(1).strip().replace("&#39;", "'"));
        }
        return found;
    }

    private static String add(WebClient admin, String role) throws IOException {
        String name = "u" + Readers.unique().substring(0, 8);
        HttpPage added = admin.addUser(name, role, name + "-password");
        assertEquals(List.of("Account " + name + " added as " + role.toLowerCase() + ". Tell them their password; they can change it under Password."),
                messages(added, "users-messages"));
        return name;
    }

    @Test
    void theLastActiveAdminCannotBeDemotedDisabledOrRemoved() throws IOException {
        WebClient admin = admin();
        assertEquals(List.of("admin is the last active admin and cannot be made a moderator; make another account admin first."),
                messages(press(admin, "admin", "Make moderator"), "users-messages"));
        assertEquals(List.of("You cannot disable your own account."), messages(press(admin, "admin", "Disable"), "users-messages"));
        HttpPage asked = press(admin, "admin", "Remove");
        HttpPage removed = post(admin, asked, buttonIn(asked.element("tr", "user-admin"), "Remove admin"), "Remove admin", Map.of());
        assertEquals(List.of("You cannot remove your own account."), messages(removed, "users-messages"));
        assertEquals(200, admin.get("/admin/users").status(), "still an admin");

        // with a second admin, one of them may step down; the other then is the last one
        String second = add(admin, "ADMIN");
        assertEquals(List.of("admin is now a moderator."), messages(press(logIn(second, second + "-password"), "admin", "Make moderator"),
                "users-messages"));
        WebClient secondAdmin = logIn(second, second + "-password");
        assertEquals(List.of(second + " is the last active admin and cannot be made a moderator; make another account admin first."),
                messages(press(secondAdmin, second, "Make moderator"), "users-messages"));
        assertEquals(List.of("admin is now an admin."), messages(press(secondAdmin, "admin", "Make admin"), "users-messages"));
        assertEquals(200, admin().get("/admin/users").status());
    }

    @Test
    void adminsManageAccountsAndAChangedAccountsSessionEnds() throws IOException {
        WebClient admin = admin();
        String name = add(admin, "MODERATOR");
        String password = name + "-password";
        WebClient moderator = logIn(name, password);
        assertEquals(200, moderator.get("/moderation").status());
        assertEquals(403, moderator.get("/admin/users").status());

        assertEquals(List.of(name + " is disabled and logged out."), messages(press(admin, name, "Disable"), "users-messages"));
        HttpPage ended = moderator.get("/moderation");
        assertEquals(302, ended.status());
        assertTrue(ended.location().endsWith("/login?ended=1"), ended.location());
        assertTrue(moderator.get("/login?ended=1").body().contains("Your session has ended because your account was changed."));
        assertTrue(messages(failedLogIn(name, password), "login-errors").contains("Unknown username or password."),
                "a disabled account cannot log in, and the answer does not say it is disabled");

        assertEquals(List.of(name + " can log in again."), messages(press(admin, name, "Enable"), "users-messages"));
        moderator = logIn(name, password);
        assertEquals(List.of(name + " is now an admin."), messages(press(admin, name, "Make admin"), "users-messages"));
        assertEquals(302, moderator.get("/moderation").status(), "a new role needs a new login");
        moderator = logIn(name, password);
        assertEquals(200, moderator.get("/admin/users").status(), "with the new role");
        press(admin, name, "Make moderator");

        moderator = logIn(name, password);
        HttpPage asked = press(admin, name, "Reset password");
        String field = Pattern.compile("name=\"([^\"]*reset-password)\"").matcher(asked.body()).results().findFirst().orElseThrow().group(1);
        HttpPage tooShort = post(admin, asked, buttonIn(asked.element("tr", "user-" + name), "Set password"), "Set password",
                Map.of(field, "short"));
        assertEquals(List.of("A password needs at least 10 characters."), messages(tooShort, "users-messages"));
        asked = press(admin, name, "Reset password");
        HttpPage reset = post(admin, asked, buttonIn(asked.element("tr", "user-" + name), "Set password"), "Set password",
                Map.of(field, "a-brand-new-password"));
        assertEquals(List.of("New password set for " + name + "; their open sessions have ended."), messages(reset, "users-messages"));
        assertEquals(302, moderator.get("/moderation").status(), "the reset ends their sessions");
        failedLogIn(name, password);
        logIn(name, "a-brand-new-password");

        asked = press(admin, name, "Remove");
        assertTrue(asked.body().contains("Remove " + name + " for good?"), "a second step");
        assertTrue(admin.get("/admin/users").body().contains("id=\"user-" + name + "\""), "nothing removed yet");
        HttpPage removed = post(admin, asked, buttonIn(asked.element("tr", "user-" + name), "Remove " + name), "Remove " + name, Map.of());
        assertEquals(List.of("Account " + name + " removed."), messages(removed, "users-messages"));
        assertFalse(removed.body().contains("id=\"user-" + name + "\""));
        failedLogIn(name, "a-brand-new-password");
    }

    @Test
    void addingRefusesBadNamesBadPasswordsAndDuplicates() throws IOException {
        WebClient admin = admin();
        assertEquals(List.of("A username is 2 to 100 characters: letters, digits, dots, dashes and underscores."),
                messages(admin.addUser("no spaces", "MODERATOR", "long-enough-password"), "users-messages"));
        assertEquals(List.of("A password needs at least 10 characters."),
                messages(admin.addUser("shorty", "MODERATOR", "short"), "users-messages"));
        assertEquals(List.of("There is already an account named admin."),
                messages(admin.addUser("Admin", "MODERATOR", "long-enough-password"), "users-messages"));
        admin.addUser("rolefaker", "SUPERUSER", "long-enough-password");
        assertFalse(admin.get("/admin/users").body().contains("id=\"user-rolefaker\""), "a role that does not exist is not taken");
    }

    @Test
    void everyStaffMemberChangesTheirOwnPasswordAndTheirOtherSessionsEnd() throws IOException {
        String name = add(admin(), "MODERATOR");
        String password = name + "-password";
        WebClient here = logIn(name, password);
        WebClient elsewhere = logIn(name, password);

        assertEquals(List.of("Your current password is not right."), messages(change(here, "wrong-password", "new-password-1", "new-password-1"),
                "password-messages"));
        assertEquals(List.of("The new password and its repetition differ."), messages(change(here, password, "new-password-1", "new-password-2"),
                "password-messages"));
        assertEquals(List.of("A password needs at least 10 characters."), messages(change(here, password, "short", "short"),
                "password-messages"));
        assertEquals(List.of("Your password was changed. Your other sessions have ended."),
                messages(change(here, password, "new-password-1", "new-password-1"), "password-messages"));

        assertEquals(200, here.get("/moderation").status(), "this session goes on");
        assertEquals(302, elsewhere.get("/moderation").status(), "the other one ended");
        failedLogIn(name, password);
        logIn(name, "new-password-1");
    }

    private static HttpPage change(WebClient client, String current, String next, String repeated) throws IOException {
        HttpPage page = client.get("/account/password");
        assertEquals(200, page.status());
        Map<String, String> form = HtmlForm.fields(page.body(), "passwordform");
        form.put("current-password", current);
        form.put("new-password", next);
        form.put("repeat-password", repeated);
        form.put("change-password", "Change password");
        return client.postForm("/account/password", form);
    }
}
