package org.moderato.platform;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * {@code /admin/backup}, the door {@code bin/backup} knocks on (a script, so plain text, no Faces): a GET
 * gives the logged-in admin's session a single token, a POST carrying it writes the backup
 * ({@link DatabaseBackup}) and answers {@code 201} with the file's path. Under {@code /admin/*} in web.xml,
 * checked for the admin role here too, and the service checks it again; the token (and the session cookie's
 * {@code SameSite=Strict}) keeps another site's page from making an admin's browser post here.
 */
@WebServlet("/admin/backup")
public class BackupServlet extends HttpServlet {

    static final String TOKEN = "moderato.backup-token";

    @Inject
    DatabaseBackup backup;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isUserInRole(DatabaseBackup.ADMIN_ROLE)) {
            answer(response, HttpServletResponse.SC_FORBIDDEN, "Only an admin may make backups.");
            return;
        }
        HttpSession session = request.getSession();
        Object token = session.getAttribute(TOKEN);
        if (!(token instanceof String)) {
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(Randomness.bytes(32));
            session.setAttribute(TOKEN, token);
        }
        answer(response, HttpServletResponse.SC_OK, "token=" + token);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isUserInRole(DatabaseBackup.ADMIN_ROLE)) {
            answer(response, HttpServletResponse.SC_FORBIDDEN, "Only an admin may make backups.");
            return;
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(TOKEN);
        String given = request.getParameter("token");
        if (!(expected instanceof String token) || given == null
                || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            answer(response, HttpServletResponse.SC_FORBIDDEN, "Send the token a GET of /admin/backup gave this session.");
            return;
        }
        try {
            Path file = backup.write();
            answer(response, HttpServletResponse.SC_CREATED, file.toString());
        } catch (DatabaseBackup.Refused refused) {
            answer(response, HttpServletResponse.SC_CONFLICT, refused.getMessage());
        }
    }

    private static void answer(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().print(text + "\n");
    }
}
