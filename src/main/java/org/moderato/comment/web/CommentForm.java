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
import org.moderato.comment.Comment;
import org.moderato.comment.CommentDraft;
import org.moderato.comment.CommentRefused;
import org.moderato.comment.CommentService;
import org.moderato.comment.PendingPreview;
import org.moderato.platform.TrustedProxies;
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

    @Inject
    ArticlePage page;

    @Inject
    TrustedProxies proxies;

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

    /** Post, then redirect (PRG) to the article with the signed link to the author's own pending comment. */
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
            Comment stored = comments.submit(page.getArticle().getId(), draft,
                    new ClientInfo(proxies.clientAddress(request), request.getHeader("User-Agent"), staff));
            seeOther(request.getContextPath() + "/articles/" + page.getArticle().getSlug()
                    + (stored.getStatus().isPublic() ? "" : "?unapproved=" + stored.getId()
                            + "&moderation-hash=" + pendingPreview.hashFor(stored.getId(), Instant.now()))
                    + "#comment-" + stored.getId());
        } catch (CommentRefused refused) {
            Faces.getExternalContext().setResponseStatus(refused.httpStatus());
            Messages.addGlobalError(refused.getMessage());
            Faces.validationFailed();
        }
    }

    /** 303 straight on the response: Faces' own redirect would also send a Flash cookie to a reader. */
    private static void seeOther(String location) {
        HttpServletResponse response = (HttpServletResponse) Faces.getExternalContext().getResponse();
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        Faces.responseComplete();
    }
}
