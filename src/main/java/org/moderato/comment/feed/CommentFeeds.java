package org.moderato.comment.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import org.moderato.article.ArticleStatus;
import org.moderato.comment.CommentStatus;

/** The newest approved comments of readable articles, in one query. */
@ApplicationScoped
public class CommentFeeds {

    /** As many as WordPress's default feed length is often raised to; a feed reader polls, it does not page. */
    public static final int LENGTH = 50;

    @PersistenceContext
    EntityManager em;

    /** The newest approved comments of one article (by id), or of every readable article when it is null. */
    public List<FeedEntry> newest(Long articleId, Instant now) {
        TypedQuery<FeedEntry> query = em.createQuery(
                "SELECT NEW org.moderato.comment.feed.FeedEntry(c.id, a.slug, a.title, c.authorName, c.body, c.createdAt,"
                        + " c.version, c.statusChangedAt, c.editedAt)"
                        + " FROM Comment c JOIN c.article a"
                        + " WHERE c.status = :approved AND a.status = :published AND a.publishedAt <= :now"
                        + (articleId == null ? "" : " AND a.id = :article")
                        + " ORDER BY c.createdAt DESC, c.id DESC", FeedEntry.class)
                .setParameter("approved", CommentStatus.APPROVED)
                .setParameter("published", ArticleStatus.PUBLISHED)
                .setParameter("now", now)
                .setMaxResults(LENGTH);
        if (articleId != null) {
            query.setParameter("article", articleId);
        }
        return query.getResultList();
    }
}
