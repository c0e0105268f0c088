package org.moderato.site;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.moderato.article.Article;
import org.moderato.article.ArticleChanged;
import org.moderato.article.ArticleLimits;
import org.moderato.platform.Sha256;

/** Sites by origin, and the threads of their pages: found, or made on first use when the site allows it. */
@Stateless
public class EmbeddedThreads {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ArticleChanged> articleChanged;

    /** The site an origin belongs to (an origin belongs to at most one). */
    public Optional<Site> siteFor(String origin) {
        return Origins.normalise(origin).flatMap(normal -> em.createQuery("SELECT s FROM Site s", Site.class).getResultList().stream()
                .filter(site -> site.allows(normal))
                .findFirst());
    }

    public Optional<Site> site(long id) {
        return Optional.ofNullable(em.find(Site.class, id));
    }

    public Optional<Article> existing(Site site, PageRef page) {
        return em.createQuery("SELECT a FROM Article a WHERE a.siteId = :site AND a.pageKey = :key", Article.class)
                .setParameter("site", site.getId())
                .setParameter("key", page.key())
                .getResultStream()
                .findFirst();
    }

    /**
     * The page's thread, made now if the site makes threads on first use. Its own transaction: when two
     * first readers race, the unique key lets one insert win and the other finds it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Article open(Site site, PageRef page, String pageTitle) {
        Optional<Article> existing = existing(site, page);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!site.isCreateThreads()) {
            throw new SiteRefused("Comments are not open on this page.", 404);
        }
        Article thread = Article.embeddedThread(site.getId(), page.key(), slugFor(site, page), titleFrom(pageTitle, page),
                site.getName(), Instant.now());
        em.persist(thread);
        em.flush();
        articleChanged.fire(new ArticleChanged(thread.getId()));
        return thread;
    }

    /** Stable and unique per page, without putting the page's URL in an address of ours. */
    public static String slugFor(Site site, PageRef page) {
        return "embed-" + site.getId() + "-" + Sha256.hex(page.key(), 12);
    }

    /** The title the page gave, cleaned and cut to fit; the page's address without its scheme when it gave none. */
    public static String titleFrom(String typed, PageRef page) {
        String title = typed == null ? "" : typed.replaceAll("[\\p{Cc}\\p{Cf}]+", " ").strip();
        if (title.isEmpty()) {
            title = page.key().substring(page.key().indexOf(':') + 1);
        }
        return title.length() > ArticleLimits.TITLE_MAX ? title.substring(0, ArticleLimits.TITLE_MAX - 1) + "…" : title;
    }
}
