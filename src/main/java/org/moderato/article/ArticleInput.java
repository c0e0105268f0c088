package org.moderato.article;

import static org.moderato.article.ArticleLimits.BODY_MAX;
import static org.moderato.article.ArticleLimits.BYLINE_MAX;
import static org.moderato.article.ArticleLimits.SLUG_MAX;
import static org.moderato.article.ArticleLimits.TITLE_MAX;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * What the admin's article form submits. The form binds to it and the service validates it again,
 * so these constraints are the one place the field rules live. Checks that need the database (is
 * the slug free?) are the service's.
 */
public class ArticleInput {

    @NotBlank(message = "Please give the article a title.")
    @Size(max = TITLE_MAX, message = "The title is too long (at most {max} characters).")
    private String title;

    /** Empty means "make one from the title". */
    @Size(max = SLUG_MAX, message = "The slug is too long (at most {max} characters).")
    private String slug;

    @NotBlank(message = "Please say who wrote it.")
    @Size(max = BYLINE_MAX, message = "The byline is too long (at most {max} characters).")
    private String byline;

    @NotNull(message = "Please choose draft or published.")
    private ArticleStatus status = ArticleStatus.DRAFT;

    /** Empty means "now, when published". */
    private Instant publishAt;

    @NotNull(message = "Please choose Markdown or HTML.")
    private BodyFormat format = BodyFormat.MARKDOWN;

    @NotBlank(message = "Please write the article.")
    @Size(max = BODY_MAX, message = "The article is too long (at most 1,000,000 characters).")
    private String body;

    private boolean commentsOpen = true;

    /** The version the editor started from, so a second editor's save does not silently overwrite. */
    private Integer version;

    public ArticleInput() {}

    /** The form filled in from a stored article. */
    public static ArticleInput of(Article article) {
        ArticleInput input = new ArticleInput();
        input.title = article.getTitle();
        input.slug = article.getSlug();
        input.byline = article.getByline();
        input.status = article.getStatus();
        input.publishAt = article.getPublishedAt();
        input.format = article.getBodyFormat();
        input.body = article.getBodySource();
        input.commentsOpen = article.isCommentsOpen();
        input.version = article.getVersion();
        return input;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSlug() { return slug; }
    public void setSlug(String slug) { this.slug = slug; }
    public String getByline() { return byline; }
    public void setByline(String byline) { this.byline = byline; }
    public ArticleStatus getStatus() { return status; }
    public void setStatus(ArticleStatus status) { this.status = status; }
    public Instant getPublishAt() { return publishAt; }
    public void setPublishAt(Instant publishAt) { this.publishAt = publishAt; }
    public BodyFormat getFormat() { return format; }
    public void setFormat(BodyFormat format) { this.format = format; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public boolean isCommentsOpen() { return commentsOpen; }
    public void setCommentsOpen(boolean commentsOpen) { this.commentsOpen = commentsOpen; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
