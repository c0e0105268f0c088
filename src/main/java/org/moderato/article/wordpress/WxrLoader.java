package org.moderato.article.wordpress;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.moderato.article.ArticleLimits;
import org.moderato.article.Slugs;
import org.moderato.comment.CommentLimits;
import org.moderato.comment.CommentImport;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.CommentsChanged;
import org.moderato.comment.SealedEmail;
import org.moderato.platform.SequenceIds;
import org.moderato.privacy.EmailVault;

/**
 * Stores what a {@link WxrReader} reads, on one JDBC connection whose transaction the caller owns.
 * Posts become articles (drafts stay drafts), comments keep author, address (encrypted, with its
 * blind index), website, IP, date, status and thread, and each gets a history row by "import".
 * Articles are matched on (site, WordPress post id) and comments on (article, WordPress comment id),
 * so loading the same file again adds nothing. Plain JDBC batches rather than JPA: a persistence
 * context would hold every imported comment until the end of the transaction.
 */
public final class WxrLoader implements AutoCloseable {

    public static final String ACTOR = "import";
    private static final int BATCH = 500;

    private final Connection db;
    private final EmailVault vault;
    private final Instant now;
    private final ImportSummary summary = new ImportSummary();

    private final SequenceIds articleIds;
    private final CommentImport comments;

    private String site;
    private String fallbackByline;
    /** The article the comments now arriving belong to; null while skipping a page or attachment. */
    private Long article;
    /** WordPress comment id to Moderato id, for the current article only. */
    private final Map<Long, Long> ids = new HashMap<>();
    private final Set<Long> importedBefore = new HashSet<>();
    /** Replies that arrived before their parent: {Moderato id, WordPress parent id}. */
    private final List<long[]> orphans = new ArrayList<>();

    public WxrLoader(Connection db, EmailVault vault, Consumer<CommentsChanged> announce, Instant now) throws SQLException {
        this.db = db;
        this.vault = vault;
        this.now = now;
        articleIds = new SequenceIds(db, "seq_articles");
        comments = new CommentImport(db, announce, now);
    }

    /** Loads every entry of the file; a {@link WxrFormatException} leaves the caller to roll back. */
    public ImportSummary load(WxrReader reader) throws SQLException {
        for (WxrEntry entry = reader.next(); entry != null; entry = reader.next()) {
            if (entry instanceof WxrEntry.Site s) {
                site(s);
            } else if (entry instanceof WxrEntry.Item item) {
                item(item);
            } else if (entry instanceof WxrEntry.Comment comment) {
                comment(comment);
            }
        }
        endOfItem();
        return summary;
    }

    private void site(WxrEntry.Site s) {
        site = limit(s.key(), 500);
        summary.site = site;
        fallbackByline = s.title() == null || s.title().isBlank() ? "WordPress" : limit(s.title(), ArticleLimits.BYLINE_MAX);
    }

    private void item(WxrEntry.Item item) throws SQLException {
        endOfItem();
        article = null;
        switch (item.type()) {
            case "post" -> { }
            case "page" -> { summary.pages++; return; }
            case "attachment" -> { summary.attachments++; return; }
            default -> { summary.otherItems++; return; }
        }
        if (Set.of("trash", "auto-draft", "inherit").contains(item.status())) {
            summary.otherItems++;
            return;
        }
        try (PreparedStatement find = db.prepareStatement("SELECT id FROM articles WHERE wp_site = ? AND wp_post_id = ?")) {
            find.setString(1, site);
            find.setLong(2, item.postId());
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    article = rs.getLong(1);
                    summary.articlesBefore++;
                    rememberImportedComments(article);
                    comments.startArticle(article);
                    return;
                }
            }
        }
        article = insertArticle(item);
        comments.startArticle(article);
    }

    private long insertArticle(WxrEntry.Item item) throws SQLException {
        long id = articleIds.next();
        String title = item.title() == null || item.title().isBlank() ? "(no title)" : limit(item.title(), ArticleLimits.TITLE_MAX);
        String wanted = Slugs.of(decoded(item.slug()));
        if (wanted.isEmpty()) {
            wanted = Slugs.of(title);
        }
        if (wanted.isEmpty()) {
            wanted = "post-" + item.postId();
        }
        String slug = freeSlug(wanted);
        if (!slug.equals(wanted)) {
            summary.renamed++;
        }
        boolean published = "publish".equals(item.status()) || "future".equals(item.status());
        Instant date = item.date() == null && published ? now : item.date();
        String html = limit(WordPressText.articleHtml(item.content()), ArticleLimits.BODY_MAX);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO articles (id, slug, title, byline, body_html, body_source,"
                + " body_format, status, published_at, updated_at, comments_open, version, wp_site, wp_post_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'HTML', ?, ?, ?, ?, 1, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, slug);
            insert.setString(3, title);
            insert.setString(4, item.creator() == null || item.creator().isBlank() ? fallbackByline : limit(item.creator(), ArticleLimits.BYLINE_MAX));
            insert.setString(5, html);
            insert.setString(6, html);
            insert.setString(7, published ? "PUBLISHED" : "DRAFT");
            insert.setTimestamp(8, date == null ? null : Timestamp.from(date));
            insert.setTimestamp(9, Timestamp.from(now));
            insert.setBoolean(10, item.commentsOpen());
            insert.setString(11, site);
            insert.setLong(12, item.postId());
            insert.executeUpdate();
        }
        summary.articles++;
        if (!published) {
            summary.drafts++;
        }
        return id;
    }

    private void comment(WxrEntry.Comment c) throws SQLException {
        if (article == null) {
            summary.commentsOfSkippedItems++;
            return;
        }
        switch (c.type()) {
            case "", "comment" -> { }
            case "pingback" -> { summary.pingbacks++; return; }
            case "trackback" -> { summary.trackbacks++; return; }
            default -> { summary.otherComments++; return; }
        }
        if (importedBefore.contains(c.commentId())) {
            summary.commentsBefore++;
            return;
        }
        long id = comments.nextId();
        ids.put(c.commentId(), id);
        Long parent = c.parent() == 0 ? null : ids.get(c.parent());
        if (c.parent() != 0 && parent == null) {
            orphans.add(new long[] {id, c.parent()});
        }
        CommentStatus status = status(c.approved());
        String email = c.email() == null || c.email().isBlank() || c.email().length() > 254 ? null : c.email();
        String author = c.author() == null || c.author().isBlank() ? "Anonymous" : limit(c.author(), CommentLimits.NAME_MAX);
        String website = c.url() != null && c.url().matches("(?i)https?://[^\\s<>\"]+") && c.url().length() <= CommentLimits.WEBSITE_MAX
                ? c.url() : null;
        EmailVault.Sealed sealed = email == null ? null : vault.seal(email);
        comments.add(id, parent, new CommentImport.Row(author,
                sealed == null ? SealedEmail.NONE : new SealedEmail(sealed.ciphertext(), sealed.blindIndex(), sealed.keyId()),
                website, limit(WordPressText.commentText(c.content()), 65_535), status,
                "imported from WordPress (comment " + c.commentId() + ")", c.date(),
                c.ip() == null || c.ip().isBlank() || c.ip().length() > 45 ? null : c.ip(), c.commentId(), ACTOR,
                limit("imported from " + site + " (WordPress comment " + c.commentId() + ", status \""
                        + c.approved() + "\")", 500)));
        summary.comments++;
    }

    /** WordPress's comment_approved values; anything unknown waits for a moderator. */
    static CommentStatus status(String approved) {
        return switch (approved == null ? "" : approved) {
            case "1", "approve", "approved" -> CommentStatus.APPROVED;
            case "spam" -> CommentStatus.SPAM;
            case "trash", "post-trashed" -> CommentStatus.TRASH;
            default -> CommentStatus.PENDING;
        };
    }

    /** Replies whose parent came later in the file get their parent now; a missing parent leaves them top-level. */
    private void endOfItem() throws SQLException {
        for (long[] orphan : orphans) {
            Long parent = ids.get(orphan[1]);
            if (parent != null) {
                comments.attach(orphan[0], parent);
            }
        }
        comments.endArticle();
        orphans.clear();
        ids.clear();
        importedBefore.clear();
    }

    private void rememberImportedComments(long articleId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT wp_comment_id, id FROM comments WHERE article_id = ? AND wp_comment_id IS NOT NULL")) {
            select.setLong(1, articleId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    importedBefore.add(rs.getLong(1));
                    ids.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
    }

    private String freeSlug(String base) throws SQLException {
        try (PreparedStatement taken = db.prepareStatement(
                "SELECT COUNT(*) FROM articles WHERE slug = ?1 UNION ALL SELECT COUNT(*) FROM article_old_slugs WHERE slug = ?1"
                        .replace("?1", "?"))) {
            for (int n = 1; ; n++) {
                String candidate = Slugs.candidate(base, n);
                taken.setString(1, candidate);
                taken.setString(2, candidate);
                long uses = 0;
                try (ResultSet rs = taken.executeQuery()) {
                    while (rs.next()) {
                        uses += rs.getLong(1);
                    }
                }
                if (uses == 0) {
                    return candidate;
                }
            }
        }
    }

    /** WordPress keeps non-ASCII slugs percent-encoded ("%e6%97%a5"). */
    private static String decoded(String slug) {
        if (slug == null) {
            return "";
        }
        try {
            return URLDecoder.decode(slug, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    @Override
    public void close() throws SQLException {
        comments.close();
        articleIds.close();
    }
}
