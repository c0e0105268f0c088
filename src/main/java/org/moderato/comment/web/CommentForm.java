package org.moderato.comment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.moderato.account.Role;
import org.moderato.article.web.ArticlePage;
import org.moderato.comment.ClientInfo;
import org.moderato.comment.CommentDraft;
import org.moderato.comment.CommentRefused;
import org.moderato.comment.CommentService;
import org.moderato.comment.PendingPreview;
import org.moderato.rules.FormToken;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The "Leave a Reply" form. Field shapes come from the draft's constraints, the site's rules from the
 * service; a refusal becomes a message above the form with everything typed kept.
 */
@Named
@RequestScoped
public class CommentForm {

    /** Plain HTML fields (no Faces component): the bot check's token and honeypot, and the reply target. */
    public static final String TOKEN_PARAM = "moderato_token";
    public static final String HONEYPOT_PARAM = "comment_extra";
    public static final String PARENT_PARAM = "comment_parent";
    /** WordPress's "Save my name, email, and website in this browser" box: also the consent to the returning-commenter cookie. */
    public static final String CONSENT_PARAM = "wp-comment-cookies-consent";

    @Inject
    ArticlePage page;

    @Inject
    CommentService comments;

    @Inject
    PendingPreview pendingPreview;

    @Inject
    FormToken formTokens;

    @Inject
    HttpServletRequest request;

    private final CommentDraft draft = new CommentDraft();

    public CommentDraft getDraft() {
        return draft;
    }

    /** A fresh signed token for the form being rendered. */
    public String getFormToken() {
        return formTokens.issue(page.getArticle().getId(), Instant.now());
    }

    /**
     * Post, then redirect (PRG) to the article with the signed link to the author's own comment. The
     * link has the same shape whether the comment was approved, held or filed as spam, so the answer
     * says nothing about the author's standing (an approved comment simply shows as published).
     */
    public void post() throws IOException {
        if (page.getArticle() == null) {
            Faces.responseSendError(HttpServletResponse.SC_NOT_FOUND, "No such article.");
            return;
        }
        draft.setFormToken(request.getParameter(TOKEN_PARAM));
        draft.setHoneypot(request.getParameter(HONEYPOT_PARAM));
        String parent = request.getParameter(PARENT_PARAM);
        draft.setParentId(parent != null && parent.matches("[1-9]\\d{0,17}") ? Long.valueOf(parent) : null);
        boolean staff = request.isUserInRole(Role.MODERATOR_NAME) || request.isUserInRole(Role.ADMIN_NAME);
        try {
            CommentService.Submitted submitted = comments.submit(page.getArticle().getId(), draft,
                    new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"), staff),
                    ReturningCommenterCookie.of(request).orElse(null));
            long id = submitted.comment().getId();
            HttpServletResponse response = (HttpServletResponse) Faces.getExternalContext().getResponse();
            ReturningCommenterCookie.update(request, response, "yes".equals(request.getParameter(CONSENT_PARAM))
                    ? submitted.returningCommenter() : null);
            seeOther(response, request.getContextPath() + "/articles/" + page.getArticle().getSlug()
                    + "?unapproved=" + id + "&moderation-hash=" + pendingPreview.hashFor(id, Instant.now()) + "#comment-" + id);
        } catch (CommentRefused refused) {
            Faces.getExternalContext().setResponseStatus(refused.httpStatus());
            Messages.addGlobalError(refused.getMessage());
            Faces.validationFailed();
        }
    }

    /** 303 straight on the response: Faces' own redirect would also send a Flash cookie to a reader. */
    private static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        Faces.responseComplete();
    }
}
