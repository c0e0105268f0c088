package org.moderato.moderation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.moderato.rules.HeldAuthor;
import org.moderato.account.Role;
import org.moderato.comment.CommentRevision;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.CommentTotals;
import org.moderato.comment.DeletedComment;
import org.moderato.comment.ModerationEvent;
import org.moderato.privacy.EmailVault;

/**
 * What the desk reads: pages of the queue by key, the live counts, and one comment with its history.
 * Rows are projections; the author histories, parents and held marks of a page are one query each.
 */
@Stateless
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
public class ModerationQueue {

    public static final int PAGE_SIZE = 50;

    private static final String COLUMNS = "SELECT c.id, c.version, c.status, c.authorName, c.emailCiphertext, c.emailIndex,"
            + " c.website, c.ipAddress, a.id, a.title, a.slug, c.createdAt, c.body, c.moderationReasons, c.staffReply,"
            + " c.editedBy, c.statusChangedBy, c.statusChangedAt, c.parentId FROM Comment c JOIN c.article a";

    @PersistenceContext
    EntityManager em;

    @Inject
    EmailVault emailVault;

    @Inject
    CommentTotals totals;

    /**
     * One page of the view, starting at the cursor, in the view's order. Each status is read on its own
     * with ORDER BY matching an index column for column ({@code status, id} or, with the article filter,
     * {@code article_id, status, id}), so the database walks the index from the key and stops after a
     * page; a view of several statuses merges those short lists.
     */
    public QueuePage page(QueueFilter filter, QueuePage.Cursor cursor) {
        boolean backwards = cursor.before() != null;
        // going forward in an ascending view, or back in a descending one, means larger ids
        boolean largerIds = filter.view().oldestFirst() != backwards;
        Long key = backwards ? cursor.before() : cursor.after();
        List<Object[]> rows = new ArrayList<>();
        for (CommentStatus status : filter.view().statuses()) {
            rows.addAll(pageOf(status, filter, key, largerIds));
        }
        rows.sort(largerIds ? Comparator.comparing((Object[] r) -> (Long) r[0])
                : Comparator.comparing((Object[] r) -> (Long) r[0]).reversed());
        boolean more = rows.size() > PAGE_SIZE;
        rows = new ArrayList<>(rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
        if (backwards && !more) {
            // back at the top: show a full first page rather than the few comments before the key
            return page(filter, QueuePage.Cursor.FIRST);
        }
        if (backwards) {
            Collections.reverse(rows);
            return new QueuePage(toComments(rows), more, true);
        }
        return new QueuePage(toComments(rows), key != null, more);
    }

    private List<Object[]> pageOf(CommentStatus status, QueueFilter filter, Long key, boolean largerIds) {
        String direction = largerIds ? "" : " DESC";
        StringBuilder jpql = new StringBuilder(COLUMNS).append(" WHERE c.status = :status");
        if (filter.articleId() != null) {
            jpql.append(" AND c.article.id = :article");
        }
        if (filter.search() != null) {
            jpql.append(" AND (LOWER(c.body) LIKE :search ESCAPE '!' OR LOWER(c.authorName) LIKE :search ESCAPE '!'"
                    + " OR LOWER(a.title) LIKE :search ESCAPE '!')");
        }
        if (key != null) {
            jpql.append(largerIds ? " AND c.id > :key" : " AND c.id < :key");
        }
        jpql.append(" ORDER BY ");
        if (filter.articleId() != null) {
            jpql.append("c.article.id").append(direction).append(", ");
        }
        jpql.append("c.status").append(direction).append(", c.id").append(direction);
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class)
                .setParameter("status", status)
                .setMaxResults(PAGE_SIZE + 1);
        if (filter.articleId() != null) {
            query.setParameter("article", filter.articleId());
        }
        if (filter.search() != null) {
            query.setParameter("search", filter.likePattern());
        }
        if (key != null) {
            query.setParameter("key", key);
        }
        return query.getResultList();
    }

    /**
     * Comments per view for the tabs: the kept totals, or with an article filter that article's
     * comments counted (an article's share is small, and its index range is all that is read).
     */
    public Map<QueueView, Long> counts(Long articleId) {
        Map<CommentStatus, Long> byStatus = new EnumMap<>(CommentStatus.class);
        if (articleId == null) {
            byStatus.putAll(totals.current());
        } else {
            em.createQuery("SELECT c.status, COUNT(c) FROM Comment c WHERE c.article.id = :article GROUP BY c.status", Object[].class)
                    .setParameter("article", articleId)
                    .getResultList()
                    .forEach(row -> byStatus.put((CommentStatus) row[0], (Long) row[1]));
        }
        Map<QueueView, Long> counts = new EnumMap<>(QueueView.class);
        for (QueueView view : QueueView.values()) {
            counts.put(view, view.statuses().stream().mapToLong(s -> byStatus.getOrDefault(s, 0L)).sum());
        }
        return counts;
    }

    /** The comment the desk may act on, as it stands now; empty when it does not exist (any more). */
    public Optional<QueuedComment> comment(long id) {
        List<Object[]> rows = em.createQuery(COLUMNS + " WHERE c.id = :id", Object[].class)
                .setParameter("id", id)
                .getResultList();
        return toComments(rows).stream().findFirst();
    }

    /** Every status change of the comment, oldest first: who, when, from, to, why. */
    public List<ModerationEvent> history(long commentId) {
        return em.createQuery("SELECT e FROM ModerationEvent e WHERE e.commentId = :id ORDER BY e.id", ModerationEvent.class)
                .setParameter("id", commentId)
                .getResultList();
    }

    /** The texts the comment had before each edit, oldest first. */
    public List<CommentRevision> revisions(long commentId) {
        return em.createQuery("SELECT r FROM CommentRevision r WHERE r.commentId = :id ORDER BY r.id", CommentRevision.class)
                .setParameter("id", commentId)
                .getResultList();
    }

    public Optional<DeletedComment> deletion(long commentId) {
        return Optional.ofNullable(em.find(DeletedComment.class, commentId));
    }

    /** Articles that have comments, for the article filter: id and title, by title. */
    public List<ArticleChoice> articlesWithComments() {
        return em.createQuery("SELECT NEW org.moderato.moderation.ArticleChoice(a.id, a.title) FROM Article a"
                        + " WHERE EXISTS (SELECT c.id FROM Comment c WHERE c.article = a) ORDER BY a.title, a.id", ArticleChoice.class)
                .getResultList();
    }

    private List<QueuedComment> toComments(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<String> indexes = rows.stream().map(r -> (String) r[5]).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, AuthorHistory> histories = histories(indexes);
        Set<String> held = held(indexes);
        Map<Long, ParentExcerpt> parents = parents(rows.stream().map(r -> (Long) r[18]).filter(Objects::nonNull).collect(Collectors.toSet()));
        List<QueuedComment> comments = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String index = (String) r[5];
            comments.add(new QueuedComment(
                    (Long) r[0], (Integer) r[1], (CommentStatus) r[2], (String) r[3],
                    r[4] == null ? "" : emailVault.maskedForModerator((String) r[4]),
                    (String) r[6], (String) r[7], (Long) r[8], (String) r[9], (String) r[10], (Instant) r[11],
                    (String) r[12], (String) r[13], Boolean.TRUE.equals(r[14]), (String) r[15], (String) r[16], (Instant) r[17],
                    r[18] == null ? null : parents.get((Long) r[18]),
                    index == null ? null : histories.getOrDefault(index, AuthorHistory.NONE),
                    index != null, index != null && held.contains(index)));
        }
        return comments;
    }

    private Map<String, AuthorHistory> histories(Set<String> indexes) {
        if (indexes.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<CommentStatus, Long>> counts = new HashMap<>();
        em.createQuery("SELECT c.emailIndex, c.status, COUNT(c) FROM Comment c WHERE c.emailIndex IN :indexes"
                        + " GROUP BY c.emailIndex, c.status", Object[].class)
                .setParameter("indexes", indexes)
                .getResultList()
                .forEach(row -> counts.computeIfAbsent((String) row[0], k -> new EnumMap<>(CommentStatus.class))
                        .put((CommentStatus) row[1], (Long) row[2]));
        Map<String, AuthorHistory> histories = new HashMap<>();
        counts.forEach((index, byStatus) -> histories.put(index, new AuthorHistory(
                byStatus.getOrDefault(CommentStatus.APPROVED, 0L), byStatus.getOrDefault(CommentStatus.PENDING, 0L),
                byStatus.getOrDefault(CommentStatus.SPAM, 0L), byStatus.getOrDefault(CommentStatus.TRASH, 0L))));
        return histories;
    }

    private Set<String> held(Set<String> indexes) {
        return HeldAuthor.among(em, indexes);
    }

    private Map<Long, ParentExcerpt> parents(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, ParentExcerpt> parents = new HashMap<>();
        em.createQuery("SELECT c.id, c.authorName, c.body FROM Comment c WHERE c.id IN :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> parents.put((Long) row[0],
                        new ParentExcerpt((Long) row[0], (String) row[1], ParentExcerpt.excerptOf((String) row[2]))));
        return parents;
    }
}
