package org.moderato.article;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.moderato.account.Role;
import org.moderato.comment.CommentStatus;

/** Articles as readers find them (published and due only) and as admins write and manage them. */
@Stateless
public class ArticleService {

    @Inject
    Event<ArticleChanged> changes;

    @PersistenceContext
    EntityManager em;

    /**
     * Published articles whose date has come, newest first, with approved-comment counts, in one query.
     * Threads of other sites' pages are not articles of this site: they are listed where they live.
     */
    public List<ArticleSummary> frontPage() {
        return em.createQuery(
                        "SELECT NEW org.moderato.article.ArticleSummary(a.slug, a.title, a.publishedAt,"
                                + " (SELECT COUNT(c) FROM Comment c WHERE c.article = a AND c.status = :approved))"
                                + " FROM Article a WHERE a.status = :published AND a.publishedAt <= :now AND a.siteId IS NULL"
                                + " ORDER BY a.publishedAt DESC, a.id DESC",
                        ArticleSummary.class)
                .setParameter("approved", CommentStatus.APPROVED)
                .setParameter("published", ArticleStatus.PUBLISHED)
                .setParameter("now", Instant.now())
                .getResultList();
    }

    /** The article at {@code /articles/{slug}} as readers may see it: drafts and scheduled ones are absent. */
    public Optional<Article> bySlug(String slug) {
        Instant now = Instant.now();
        return em.createQuery("SELECT a FROM Article a WHERE a.slug = :slug", Article.class)
                .setParameter("slug", slug)
                .getResultStream()
                .filter(a -> a.isVisibleAt(now))
                .findFirst();
    }

    /** What posting a comment needs of the article at this slug (visible or not). */
    public Optional<KeptArticles.Facts> factsBySlug(String slug) {
        return facts("a.slug = :key", slug);
    }

    public Optional<KeptArticles.Facts> factsById(long id) {
        return facts("a.id = :key", id);
    }

    private Optional<KeptArticles.Facts> facts(String condition, Object key) {
        return em.createQuery("SELECT a.id, a.slug, a.status, a.publishedAt, a.commentsOpen FROM Article a WHERE " + condition,
                        Object[].class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst()
                .map(row -> new KeptArticles.Facts((Long) row[0], (String) row[1], row[2] == ArticleStatus.PUBLISHED,
                        (Instant) row[3], (Boolean) row[4]));
    }

    /** The current slug of the readable article that used to live at {@code oldSlug}, for a 301. */
    public Optional<String> movedTo(String oldSlug) {
        Instant now = Instant.now();
        return em.createQuery("SELECT a FROM Article a, OldSlug o WHERE o.slug = :slug AND o.articleId = a.id", Article.class)
                .setParameter("slug", oldSlug)
                .getResultStream()
                .filter(a -> a.isVisibleAt(now))
                .map(Article::getSlug)
                .findFirst();
    }

    public Optional<Article> find(long id) {
        return Optional.ofNullable(em.find(Article.class, id));
    }

    /** Every article for the admin's list, newest first (drafts without a date on top), with comment counts. */
    @RolesAllowed(Role.ADMIN_NAME)
    public List<ArticleRow> list() {
        return em.createQuery(
                        "SELECT NEW org.moderato.article.ArticleRow(a.id, a.slug, a.title, a.status, a.publishedAt,"
                                + " (SELECT COUNT(c) FROM Comment c WHERE c.article = a AND c.status = :approved),"
                                + " (SELECT COUNT(p) FROM Comment p WHERE p.article = a AND p.status = :pending))"
                                + " FROM Article a ORDER BY a.updatedAt DESC, a.id DESC",
                        ArticleRow.class)
                .setParameter("approved", CommentStatus.APPROVED)
                .setParameter("pending", CommentStatus.PENDING)
                .getResultList();
    }

    /**
     * Creates ({@code id} null) or updates an article from the admin's form, or throws
     * {@link ArticleRefused} and stores nothing. A changed slug leaves the old one redirecting.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public Article save(Long id, @NotNull @Valid ArticleInput input, @NotNull Instant now) {
        ArticleBody body = ArticleBody.of(input.getFormat(), input.getBody());
        if (body.html().length() > ArticleLimits.BODY_MAX) {
            throw new ArticleRefused("body", "The article is too long once formatted (at most 1,000,000 characters of HTML).");
        }
        Article article;
        if (id == null) {
            article = new Article(slugFor(input, null), input.getTitle().strip(), input.getByline().strip(), body, now);
            em.persist(article);
        } else {
            article = em.find(Article.class, id);
            if (article == null) {
                throw new ArticleRefused(null, "This article no longer exists.");
            }
            if (input.getVersion() != null && input.getVersion() != article.getVersion()) {
                throw new ArticleRefused(null, "Someone else saved this article while you were editing it. Your text is still"
                        + " in the form; open the article again to see their changes before saving yours.");
            }
            article.rewrite(input.getTitle().strip(), input.getByline().strip(), body, now);
            moveIfChanged(article, slugFor(input, article));
        }
        if (input.getStatus() == ArticleStatus.PUBLISHED) {
            article.publish(input.getPublishAt() != null ? input.getPublishAt() : now.truncatedTo(ChronoUnit.SECONDS));
        } else {
            article.keepAsDraft(input.getPublishAt());
        }
        article.allowComments(input.isCommentsOpen());
        em.flush();
        changes.fire(new ArticleChanged(article.getId()));
        return article;
    }

    /** The slug the admin asked for, cleaned; or, when left empty, a free one made from the title. */
    private String slugFor(ArticleInput input, Article current) {
        String typed = input.getSlug() == null ? "" : input.getSlug().strip();
        if (typed.isEmpty()) {
            String base = Slugs.of(input.getTitle());
            return freeSlug(base.isEmpty() ? "article" : base, current == null ? null : current.getId());
        }
        String slug = Slugs.of(typed);
        if (slug.isEmpty()) {
            throw new ArticleRefused("slug", "Use letters a-z, digits and hyphens for the slug (or leave it empty to make one from the title).");
        }
        Article holder = em.createQuery("SELECT a FROM Article a WHERE a.slug = :slug", Article.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst().orElse(null);
        if (holder != null && (current == null || !holder.getId().equals(current.getId()))) {
            throw new ArticleRefused("slug", "The address /articles/" + slug + " is already used by \u201c" + holder.getTitle() + "\u201d.");
        }
        return slug;
    }

    /** {@code base}, {@code base-2}, ...: the first not used by another article, now or before. */
    @RolesAllowed(Role.ADMIN_NAME)
    public String freeSlug(String base, Long ownId) {
        for (int n = 1; ; n++) {
            String candidate = Slugs.candidate(base, n);
            boolean taken = !em.createQuery("SELECT a.id FROM Article a WHERE a.slug = :slug", Long.class)
                    .setParameter("slug", candidate).getResultList().stream().allMatch(i -> i.equals(ownId))
                    || !em.createQuery("SELECT o.articleId FROM OldSlug o WHERE o.slug = :slug", Long.class)
                    .setParameter("slug", candidate).getResultList().stream().allMatch(i -> i.equals(ownId));
            if (!taken) {
                return candidate;
            }
        }
    }

    /** The old address keeps answering with a 301; one that becomes current again stops redirecting. */
    private void moveIfChanged(Article article, String slug) {
        if (slug.equals(article.getSlug())) {
            return;
        }
        OldSlug reused = em.find(OldSlug.class, slug);
        if (reused != null) {
            em.remove(reused);
        }
        String old = article.moveTo(slug);
        em.persist(new OldSlug(old, article.getId()));
    }
}
