package org.moderato.article.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.moderato.article.Article;
import org.moderato.article.ArticleService;
import org.moderato.comment.CommentService;
import org.moderato.comment.PendingPreview;
import org.moderato.comment.PublicComment;
import org.moderato.platform.FriendlyUrls;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.RuleStore;
import org.moderato.rules.checks.ClosedCheck;
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
    RuleStore ruleStore;

    @Inject
    HttpServletRequest request;

    private Article article;
    private List<PublicComment> approved = List.of();
    private PublicComment ownPending;
    private RuleSettings rules;

    @PostConstruct
    void load() {
        Object slug = request.getAttribute(FriendlyUrls.SLUG_ATTRIBUTE);
        article = slug == null ? null : articles.bySlug(slug.toString()).orElse(null);
        if (article == null) {
            return;
        }
        rules = ruleStore.current();
        approved = comments.approvedFor(article.getId());
        ownPending = signedPendingComment();
    }

    /** View action: an unknown slug is a 404 page, not an empty article. */
    public void requireArticle() throws IOException {
        if (article == null) {
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
    public boolean isNameAndEmailRequired() { return rules == null || rules.requireNameAndEmail(); }

    /** Open on the article and not closed by age: the same test the service applies to a submission. */
    public boolean isCommentsOpen() {
        return article != null && article.isCommentsOpen() && !ClosedCheck.closedByAge(article.getPublishedAt(), Instant.now(), rules);
    }
}
