package org.moderato.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * An article. Readers see it only when it is published and its date has come ({@link #isVisibleAt});
 * a draft, or a published article dated in the future (scheduled), answers 404 until then.
 * The body is kept twice: the source the admin wrote, and the sanitised HTML made from it.
 */
@Entity
@Table(name = "articles")
public class Article {

    @Id
    @SequenceGenerator(name = "seq_articles", sequenceName = "seq_articles", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_articles")
    private Long id;

    @Column(nullable = false, unique = true, length = ArticleLimits.SLUG_MAX)
    private String slug;

    @Column(nullable = false, length = ArticleLimits.TITLE_MAX)
    private String title;

    @Column(nullable = false, length = ArticleLimits.BYLINE_MAX)
    private String byline;

    /** Sanitised when it was saved; what readers get. */
    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    /** What the admin wrote, in {@link #bodyFormat}; shown again in the editor. */
    @Column(name = "body_source", nullable = false)
    private String bodySource;

    @Enumerated(EnumType.STRING)
    @Column(name = "body_format", nullable = false, length = 16)
    private BodyFormat bodyFormat;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ArticleStatus status;

    /** When readers may see it; always set once published, optional (a planned date) for a draft. */
    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "comments_open", nullable = false)
    private boolean commentsOpen = true;

    @Column(name = "wp_site")
    private String wpSite;

    @Column(name = "wp_post_id")
    private Long wpPostId;

    /** The site whose page this thread is on (embed.js), or null for an article Moderato serves itself. */
    @Column(name = "site_id")
    private Long siteId;

    /** That page's key within its site: {@code url:} and its canonical URL, or {@code id:} and the id the page gives. */
    @Column(name = "page_key", length = ArticleLimits.PAGE_KEY_MAX)
    private String pageKey;

    @Version
    private int version;

    protected Article() {}

    /** A new draft; {@link #publish} makes it public. */
    public Article(String slug, String title, String byline, ArticleBody body, Instant now) {
        this.slug = Objects.requireNonNull(slug);
        this.status = ArticleStatus.DRAFT;
        rewrite(title, byline, body, now);
    }

    public void rewrite(String title, String byline, ArticleBody body, Instant now) {
        this.title = Objects.requireNonNull(title);
        this.byline = Objects.requireNonNull(byline);
        this.bodyFormat = body.format();
        this.bodySource = body.source();
        this.bodyHtml = body.html();
        this.updatedAt = now;
    }

    /** Public from {@code at} on: now or earlier is published, later is scheduled. */
    public void publish(Instant at) {
        status = ArticleStatus.PUBLISHED;
        publishedAt = Objects.requireNonNull(at, "a published article has a date");
    }

    /** Back to (or still) a draft: hidden from readers; the date stays as a plan, if there is one. */
    public void keepAsDraft(Instant plannedAt) {
        status = ArticleStatus.DRAFT;
        publishedAt = plannedAt;
    }

    public void allowComments(boolean open) {
        commentsOpen = open;
    }

    /** Gives the article a new address; returns the one it had, which should keep redirecting. */
    public String moveTo(String newSlug) {
        if (!Slugs.isValid(newSlug)) {
            throw new IllegalArgumentException("not a slug: " + newSlug);
        }
        String old = slug;
        slug = newSlug;
        return old;
    }

    /** Records the WordPress post this article was imported from, so a second import skips it. */
    public void importedFrom(String site, long postId) {
        wpSite = site;
        wpPostId = postId;
    }

    /**
     * The thread of a page on another site: published now, open for comments, no body (the page is the
     * site's); the title is the page's, as the moderators see it in the queue.
     */
    public static Article embeddedThread(long siteId, String pageKey, String slug, String title, String siteName, Instant now) {
        Article thread = new Article(slug, title, siteName, new ArticleBody(BodyFormat.HTML, "", ""), now);
        thread.siteId = siteId;
        thread.pageKey = Objects.requireNonNull(pageKey);
        thread.publish(now);
        return thread;
    }

    public boolean isVisibleAt(Instant now) {
        return status == ArticleStatus.PUBLISHED && !publishedAt.isAfter(now);
    }

    public boolean isScheduledAt(Instant now) {
        return status == ArticleStatus.PUBLISHED && publishedAt.isAfter(now);
    }

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public String getTitle() { return title; }
    public String getByline() { return byline; }
    public String getBodyHtml() { return bodyHtml; }
    public String getBodySource() { return bodySource; }
    public BodyFormat getBodyFormat() { return bodyFormat; }
    public ArticleStatus getStatus() { return status; }
    public Instant getPublishedAt() { return publishedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public boolean isCommentsOpen() { return commentsOpen; }
    public String getWpSite() { return wpSite; }
    public Long getWpPostId() { return wpPostId; }
    public Long getSiteId() { return siteId; }
    public String getPageKey() { return pageKey; }
    public boolean isEmbedded() { return siteId != null; }
    public int getVersion() { return version; }
}
