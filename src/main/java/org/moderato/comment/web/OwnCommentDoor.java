package org.moderato.comment.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.moderato.comment.CommentRefused;
import org.moderato.comment.OwnComments;
import org.moderato.comment.PendingPreview;
import org.moderato.platform.ReaderTexts;

/**
 * The own-comment form's door: a POST to {@code /own-comment} with the comment's id, the author's key
 * and {@code action=save} or {@code delete}, handled without Faces. A saved edit gets a 303 to the
 * article with the author's signed preview (the same shape whatever the checks made of the edit); a
 * refusal or a deletion renders the own-comment page. The key is the capability and the CSRF guard:
 * another site cannot know it.
 */
public class OwnCommentDoor extends HttpFilter {

    @Inject
    OwnComments ownComments;

    @Inject
    PendingPreview pendingPreview;

    @Inject
    ReaderTexts texts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        request.setCharacterEncoding("UTF-8");
        long id = idParam(request);
        String key = request.getParameter("key");
        String typed = request.getParameter("comment");
        OwnCommentPage.Outcome outcome;
        try {
            if ("delete".equals(request.getParameter("action"))) {
                OwnComments.Editable was = ownComments.delete(id, key);
                outcome = new OwnCommentPage.Outcome(was, null, null, null, true);
            } else {
                OwnComments.Editable saved = ownComments.edit(id, key, typed);
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", request.getContextPath() + "/articles/" + saved.articleSlug()
                        + "?unapproved=" + id + "&moderation-hash=" + pendingPreview.hashFor(id, Instant.now()) + "#comment-" + id);
                return;
            }
        } catch (CommentRefused refused) {
            OwnComments.Editable comment = refused.fieldErrors().isEmpty() ? null : ownComments.find(id, key);
            outcome = new OwnCommentPage.Outcome(comment, typed, texts.translate(refused.getMessage()),
                    texts.translate(refused.fieldErrors().get("comment")), false);
            response.setStatus(refused.httpStatus());
        }
        request.setAttribute(OwnCommentPage.OUTCOME_ATTRIBUTE, outcome);
        response.setHeader("Cache-Control", "private, no-store");
        request.getRequestDispatcher("/own-comment.xhtml").forward(request, response);
    }

    static long idParam(HttpServletRequest request) {
        String id = request.getParameter("c");
        return id != null && id.matches("[1-9]\\d{0,17}") ? Long.parseLong(id) : 0;
    }
}
