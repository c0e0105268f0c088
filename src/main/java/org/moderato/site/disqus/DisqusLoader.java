package org.moderato.site.disqus;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.moderato.article.ArticleLimits;
import org.moderato.article.wordpress.WordPressText;
import org.moderato.comment.CommentImport;
import org.moderato.comment.CommentLimits;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.CommentsChanged;
import org.moderato.comment.SealedEmail;
import org.moderato.platform.SequenceIds;
import org.moderato.privacy.EmailVault;
import org.moderato.site.EmbeddedThreads;
import org.moderato.site.PageRef;
import org.moderato.site.Site;
import org.moderato.site.SiteRefused;

/**
 * Stores what a {@link DisqusReader} reads, on one JDBC connection whose transaction the caller owns.
 * A Disqus thread goes either to one of this server's articles, the one whose slug ends the page's
 * address (WordPress permalinks such as {@code /2019/05/tides/} end with the slug a WXR import kept,
 * ours are {@code /articles/tides}), or to a site's thread of that page, keyed as {@code embed.js}
 * keys it (the page's canonical URL, or its Disqus identifier when the site's pages give it as
 * {@code data-page-id}), made only when a comment of it arrives and matched when it exists. Posts keep
 * author, address (sealed), IP, date, thread; Disqus's spam goes to Spam, its deleted posts to Trash,
 * the rest is approved (Disqus published it). Posts are matched on (page, Disqus post id), so the same
 * file imported again adds nothing. Disqus lists every thread first and the posts of all threads mixed,
 * so the batch door keeps every page open until the end.
 */
public final class DisqusLoader implements AutoCloseable {

    public static final String ACTOR = "import";

    private final Connection db;
    private final EmailVault vault;
    /** Where threads go: a site's embedded pages, or (null) this server's own articles. */
    private final Site site;
    private final boolean keyByIdentifier;
    private final Instant now;
    private final DisqusSummary summary = new DisqusSummary();
    private final SequenceIds articleIds;
    private final CommentImport comments;

    /** Disqus thread id to the page it is on; threads left out are not here. */
    private final Map<Long, Page> pages = new HashMap<>();
    /** Disqus post id to Moderato comment id, for replies. */
    private final Map<Long, Long> ids = new HashMap<>();
    private final Set<Long> importedBefore = new HashSet<>();
    /** Replies that came before their parent: {article, Moderato id, Disqus parent id}. */
    private final List<long[]> lateReplies = new ArrayList<>();

    /**
     * A thread the file names; {@code article} is null until its first comment makes or finds it (an
     * embedded page's thread), or known from the start (one of our articles, {@code ref} null).
     */
    private static final class Page {
        final PageRef ref;
        final DisqusEntry.Thread thread;
        Long article;
        boolean used;

        Page(PageRef ref, DisqusEntry.Thread thread, Long article) {
            this.ref = ref;
            this.thread = thread;
            this.article = article;
        }
    }

    /** {@code site}: the site whose pages the threads are on, or null for this server's own articles. */
    public DisqusLoader(Connection db, EmailVault vault, Site site, boolean keyByIdentifier, Consumer<CommentsChanged> announce,
                        Instant now) throws SQLException {
        this.db = db;
        this.vault = vault;
        this.site = site;
        this.keyByIdentifier = keyByIdentifier;
        this.now = now;
        articleIds = new SequenceIds(db, "seq_articles");
        comments = new CommentImport(db, announce, now);
    }

    public DisqusSummary load(DisqusReader reader) throws SQLException {
        for (DisqusEntry entry = reader.next(); entry != null; entry = reader.next()) {
            if (entry instanceof DisqusEntry.Thread thread) {
                thread(thread);
            } else if (entry instanceof DisqusEntry.Post post) {
                post(post);
            }
        }
        for (long[] late : lateReplies) {
            Long parent = ids.get(late[2]);
            if (parent != null) {
                comments.use(late[0]);
                comments.attach(late[1], parent);
            }
        }
        comments.finish();
        summary.unreadable = reader.unreadable();
        summary.threadsWithoutComments = (int) pages.values().stream().filter(p -> !p.used).count();
        return summary;
    }

    private void thread(DisqusEntry.Thread thread) throws SQLException {
        if (thread.deleted()) {
            summary.threadsDeleted++;
            return;
        }
        if (site == null) {
            Long article = articleBySlug(thread.link());
            if (article == null) {
                summary.threadsElsewhere++;
            } else {
                pages.put(thread.dsqId(), new Page(null, thread, article));
            }
            return;
        }
        try {
            boolean byIdentifier = keyByIdentifier && !thread.identifier().isEmpty();
            PageRef ref = PageRef.of(site, byIdentifier ? thread.identifier() : null, thread.link());
            pages.put(thread.dsqId(), new Page(ref, thread, null));
        } catch (SiteRefused elsewhere) {
            // a page of another origin (a staging copy, a scraper) or an identifier we cannot key by
            summary.threadsElsewhere++;
        }
    }

    /** One of our articles (not an embedded page's thread) whose slug is the last part of the address's path. */
    private Long articleBySlug(String link) throws SQLException {
        String slug;
        try {
            String path = URI.create(link.strip()).getPath();
            String[] parts = path == null ? new String[0] : path.split("/");
            slug = parts.length == 0 ? "" : parts[parts.length - 1];
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
        if (slug.isEmpty() || slug.length() > ArticleLimits.SLUG_MAX) {
            return null;
        }
        try (PreparedStatement find = db.prepareStatement("SELECT id FROM articles WHERE slug = ? AND site_id IS NULL")) {
            find.setString(1, slug.toLowerCase(Locale.ROOT));
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long article = rs.getLong(1);
                rememberImported(article);
                return article;
            }
        }
    }

    private void post(DisqusEntry.Post post) throws SQLException {
        Page page = pages.get(post.threadId());
        if (page == null) {
            summary.orphans++;
            return;
        }
        if (page.article == null) {
            page.article = articleOf(page);
        } else if (!page.used && page.ref == null) {
            summary.threadsBefore++;
        }
        page.used = true;
        if (importedBefore.contains(post.dsqId())) {
            summary.commentsBefore++;
            return;
        }
        comments.use(page.article);
        long id = comments.nextId();
        ids.put(post.dsqId(), id);
        Long parent = post.parentId() == 0 ? null : ids.get(post.parentId());
        if (post.parentId() != 0 && parent == null) {
            lateReplies.add(new long[] {page.article, id, post.parentId()});
        }
        CommentStatus status = post.spam() ? CommentStatus.SPAM : post.deleted() ? CommentStatus.TRASH
                : post.approved() ? CommentStatus.APPROVED : CommentStatus.PENDING;
        String email = post.authorEmail().isBlank() || post.authorEmail().length() > CommentLimits.EMAIL_MAX ? null : post.authorEmail();
        EmailVault.Sealed sealed = email == null ? null : vault.seal(email);
        String author = post.authorName().isBlank() ? "Anonymous" : limit(post.authorName(), CommentLimits.NAME_MAX);
        String text = limit(WordPressText.commentText(post.message()), 65_535);
        comments.add(id, parent, new CommentImport.Row(author,
                sealed == null ? SealedEmail.NONE : new SealedEmail(sealed.ciphertext(), sealed.blindIndex(), sealed.keyId()),
                null, text.isEmpty() ? "(empty)" : text, status, "imported from Disqus (post " + post.dsqId() + ")", post.createdAt(),
                post.ipAddress().isBlank() || post.ipAddress().length() > 45 ? null : post.ipAddress(), post.dsqId(), ACTOR,
                "imported from Disqus (post " + post.dsqId() + (post.spam() ? ", spam" : post.deleted() ? ", deleted" : "") + ")"));
        summary.comments++;
        if (status == CommentStatus.SPAM) {
            summary.spam++;
        } else if (status == CommentStatus.TRASH) {
            summary.deleted++;
        }
    }

    /** The site's thread of this page: the one there is (its imported posts remembered), or a new one. */
    private long articleOf(Page page) throws SQLException {
        try (PreparedStatement find = db.prepareStatement("SELECT id FROM articles WHERE site_id = ? AND page_key = ?")) {
            find.setLong(1, site.getId());
            find.setString(2, page.ref.key());
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    long article = rs.getLong(1);
                    summary.threadsBefore++;
                    rememberImported(article);
                    return article;
                }
            }
        }
        long id = articleIds.next();
        Instant created = page.thread.createdAt() == null ? now : page.thread.createdAt();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO articles (id, slug, title, byline, body_html, body_source,"
                + " body_format, status, published_at, updated_at, comments_open, version, site_id, page_key)"
                + " VALUES (?, ?, ?, ?, '', '', 'HTML', 'PUBLISHED', ?, ?, ?, 1, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, EmbeddedThreads.slugFor(site, page.ref));
            insert.setString(3, EmbeddedThreads.titleFrom(page.thread.title(), page.ref));
            insert.setString(4, limit(site.getName(), ArticleLimits.BYLINE_MAX));
            insert.setTimestamp(5, Timestamp.from(created));
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setBoolean(7, !page.thread.closed());
            insert.setLong(8, site.getId());
            insert.setString(9, page.ref.key());
            insert.executeUpdate();
        }
        summary.threads++;
        return id;
    }

    private void rememberImported(long article) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT wp_comment_id, id FROM comments WHERE article_id = ? AND wp_comment_id IS NOT NULL")) {
            select.setLong(1, article);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    importedBefore.add(rs.getLong(1));
                    ids.put(rs.getLong(1), rs.getLong(2));
                }
            }
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
