package org.moderato.comment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.moderato.article.web.ArticlePage;
import org.moderato.comment.ClientInfo;
import org.moderato.comment.Comment;
import org.moderato.comment.CommentDraft;
import org.moderato.comment.CommentRefused;
import org.moderato.comment.CommentService;
import org.moderato.comment.PendingPreview;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** The "Leave a Reply" form. Field errors come from the draft's constraints; refusals become a message. */
@Named
@RequestScoped
public class CommentForm {

    @Inject
    ArticlePage page;

    @Inject
    CommentService comments;

    @Inject
    PendingPreview pendingPreview;

    @Inject
    HttpServletRequest request;

    private final CommentDraft draft = new CommentDraft();

    public CommentDraft getDraft() {
        return draft;
    }

    /** Post, then redirect (PRG) to the article with the signed link to the author's own pending comment. */
    public void post() throws IOException {
        if (page.getArticle() == null) {
            Faces.responseSendError(HttpServletResponse.SC_NOT_FOUND, "No such article.");
            return;
        }
        try {
            Comment stored = comments.submit(page.getArticle().getId(), draft,
                    new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent")));
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
