package org.moderato.privacy.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.moderato.privacy.Identicon;

/**
 * {@code /avatars/{token}.svg}: the identicon for a token. It depends on the token alone and never
 * changes, so browsers and proxies may keep it for a year; nothing is looked up.
 */
@WebServlet("/avatars/*")
public class AvatarServlet extends HttpServlet {

    private static final String SUFFIX = ".svg";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Optional<String> svg = path != null && path.startsWith("/") && path.endsWith(SUFFIX)
                ? Identicon.svg(path.substring(1, path.length() - SUFFIX.length()))
                : Optional.empty();
        if (svg.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = svg.get().getBytes(StandardCharsets.UTF_8);
        response.setContentType("image/svg+xml");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
