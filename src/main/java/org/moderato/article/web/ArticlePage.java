package org.moderato.article.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.moderato.article.Article;
import org.moderato.article.ArticleService;
import org.moderato.comment.CommentService;
import org.moderato.comment.PendingPreview;
import org.moderato.comment.PublicComment;
import org.moderato.platform.FriendlyUrls;
import org.omnifaces.util.Faces;

/** {@code /articles/{slug}}: the article, its approved comments, and the author's own pending one. */
@Named
@RequestScoped
public class ArticlePage {

    @Inject
    ArticleService articles;

    @Inject
    CommentService comments;

    @Inject
    PendingPreview pendingPreview;

    @Inject
    HttpServletRequest request;

    private Article article;
    private String movedTo;
    private List<PublicComment> approved = List.of();
    private PublicComment ownPending;

    @PostConstruct
    void load() {
        Object slug = request.getAttribute(FriendlyUrls.SLUG_ATTRIBUTE);
        article = slug == null ? null : articles.bySlug(slug.toString()).orElse(null);
        if (article == null) {
            movedTo = slug == null ? null : articles.movedTo(slug.toString()).orElse(null);
            return;
        }
        approved = comments.approvedFor(article.getId());
        ownPending = signedPendingComment();
    }

    /** View action: an old slug answers 301 to the current one; an unknown (or unpublished) one is a 404 page. */
    public void requireArticle() throws IOException {
        if (article == null && movedTo != null) {
            HttpServletResponse response = (HttpServletResponse) Faces.getExternalContext().getResponse();
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + "/articles/" + movedTo);
            Faces.responseComplete();
        } else if (article == null) {
            Faces.responseSendError(404, "No such article.");
        }
    }

    private PublicComment signedPendingComment() {
        String id = request.getParameter("unapproved");
        String hash = request.getParameter("moderation-hash");
        if (id == null || hash == null || !id.matches("\\d{1,18}")) {
            return null;
        }
        long commentId = Long.parseLong(id);
        if (!pendingPreview.isValid(commentId, hash, Instant.now())) {
            return null;
        }
        return comments.pendingFor(article.getId(), commentId).orElse(null);
    }

    public Article getArticle() { return article; }
    public List<PublicComment> getComments() { return approved; }
    public PublicComment getOwnPending() { return ownPending; }
    public String getRepliesLabel() { return Replies.count(approved.size()); }
}
