package org.moderato.article;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.moderato.comment.CommentStatus;

@Stateless
public class ArticleService {

    @PersistenceContext
    EntityManager em;

    /** Newest first, with approved-comment counts, in one query. */
    public List<ArticleSummary> frontPage() {
        return em.createQuery(
                        "SELECT NEW org.moderato.article.ArticleSummary(a.slug, a.title, a.publishedAt,"
                                + " (SELECT COUNT(c) FROM Comment c WHERE c.article = a AND c.status = :approved))"
                                + " FROM Article a ORDER BY a.publishedAt DESC, a.id DESC",
                        ArticleSummary.class)
                .setParameter("approved", CommentStatus.APPROVED)
                .getResultList();
    }

    public Optional<Article> bySlug(String slug) {
        return em.createQuery("SELECT a FROM Article a WHERE a.slug = :slug", Article.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }
}
