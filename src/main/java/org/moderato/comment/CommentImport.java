package org.moderato.comment;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.moderato.platform.SequenceIds;

/**
 * The write path's door for imports: comments of one article at a time, in JDBC batches on the
 * caller's connection and transaction (a persistence context would hold every imported comment until
 * the end). It keeps the rules {@link CommentWriter} keeps: a history row per comment, a reply's depth
 * one more than its parent's (also when the reply came before its parent in the file), and one
 * {@link CommentsChanged} per article, for the caller to fire as an event (observers get it after commit).
 */
public final class CommentImport implements AutoCloseable {

    private static final int BATCH = 500;

    /** One imported comment; the address arrives sealed, the text already converted. */
    public record Row(String author, SealedEmail email, String website, String body, CommentStatus status, String reasons,
                      Instant createdAt, String ipAddress, long sourceId, String actor, String historyNote) {}

    private final Connection db;
    private final Consumer<CommentsChanged> announce;
    private final Instant now;
    private final SequenceIds commentIds;
    private final SequenceIds eventIds;
    private final PreparedStatement insertComment;
    private final PreparedStatement insertEvent;
    private int batched;

    /** The articles being imported into, in the order they were started; {@link #current} gets the next comments. */
    private final Map<Long, ArticleState> open = new LinkedHashMap<>();
    private ArticleState current;

    /** What the import keeps of one article until it is finished. */
    private static final class ArticleState {
        final long article;
        /** id to parent id of this article's comments (null: top level), to work out depths. */
        final Map<Long, Long> parents = new HashMap<>();
        final Map<Long, Integer> depths = new HashMap<>();
        final List<CommentsChanged.Move> moves = new ArrayList<>();
        boolean anyPublic;
        final Set<Long> reparented = new HashSet<>();

        ArticleState(long article) {
            this.article = article;
        }
    }

    public CommentImport(Connection db, Consumer<CommentsChanged> announce, Instant now) throws SQLException {
        this.db = db;
        this.announce = announce;
        this.now = now;
        commentIds = new SequenceIds(db, "seq_comments");
        eventIds = new SequenceIds(db, "seq_moderation_events");
        insertComment = db.prepareStatement("INSERT INTO comments (id, article_id, parent_id, depth, author_name, email_ciphertext,"
                + " email_index, email_key_id, website, body, status, moderation_reasons, created_at, ip_address, status_changed_by,"
                + " status_changed_at, version, wp_comment_id, body_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
        insertEvent = db.prepareStatement("INSERT INTO moderation_events (id, comment_id, actor, occurred_at, from_status,"
                + " to_status, note) VALUES (?, ?, ?, ?, NULL, ?, ?)");
    }

    /** Finishes the article before and starts on this one; the comments it already has (an earlier import) keep their places. */
    public void startArticle(long articleId) throws SQLException {
        endArticle();
        use(articleId);
    }

    /**
     * Makes this article the one the next comments belong to, keeping the others open: for files whose
     * comments of several articles come mixed (Disqus). {@link #finish} ends them all.
     */
    public void use(long articleId) throws SQLException {
        current = open.get(articleId);
        if (current != null) {
            return;
        }
        current = new ArticleState(articleId);
        open.put(articleId, current);
        try (PreparedStatement select = db.prepareStatement("SELECT id, parent_id, depth FROM comments WHERE article_id = ?")) {
            select.setLong(1, articleId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long parent = rs.getLong(2);
                    current.parents.put(rs.getLong(1), rs.wasNull() ? null : parent);
                    current.depths.put(rs.getLong(1), rs.getInt(3));
                }
            }
        }
    }

    /** The id the next comment will get, so replies can refer to it before it is written. */
    public long nextId() throws SQLException {
        return commentIds.next();
    }

    /**
     * Adds a comment under {@code parentId} (null: top level). A parent that is not known yet may be
     * given later with {@link #attach}; until then the comment is top level.
     */
    public void add(long id, Long parentId, Row row) throws SQLException {
        Integer parentDepth = parentId == null ? null : current.depths.get(parentId);
        Long knownParent = parentDepth == null ? null : parentId;
        int depth = parentDepth == null ? 1 : parentDepth + 1;
        current.parents.put(id, knownParent);
        current.depths.put(id, depth);
        Timestamp at = Timestamp.from(now);
        insertComment.setLong(1, id);
        insertComment.setLong(2, current.article);
        if (knownParent == null) {
            insertComment.setNull(3, Types.BIGINT);
        } else {
            insertComment.setLong(3, knownParent);
        }
        insertComment.setInt(4, depth);
        insertComment.setString(5, row.author());
        insertComment.setString(6, row.email().ciphertext());
        insertComment.setString(7, row.email().blindIndex());
        insertComment.setString(8, row.email().keyId());
        insertComment.setString(9, row.website());
        insertComment.setString(10, row.body());
        insertComment.setString(11, row.status().name());
        insertComment.setString(12, row.reasons());
        insertComment.setTimestamp(13, row.createdAt() == null ? at : Timestamp.from(row.createdAt()));
        insertComment.setString(14, row.ipAddress());
        insertComment.setString(15, row.actor());
        insertComment.setTimestamp(16, at);
        insertComment.setLong(17, row.sourceId());
        insertComment.setString(18, Comment.hashOf(row.body()));
        insertComment.addBatch();

        insertEvent.setLong(1, eventIds.next());
        insertEvent.setLong(2, id);
        insertEvent.setString(3, row.actor());
        insertEvent.setTimestamp(4, at);
        insertEvent.setString(5, row.status().name());
        insertEvent.setString(6, row.historyNote());
        insertEvent.addBatch();

        current.moves.add(new CommentsChanged.Move(id, null, row.status()));
        current.anyPublic |= row.status() == CommentStatus.APPROVED;
        if (++batched == BATCH) {
            flush();
        }
    }

    /** A reply that came before its parent gets the parent now (both of this article). */
    public void attach(long id, long parentId) {
        if (current.parents.containsKey(parentId) && current.parents.containsKey(id) && parentId != id) {
            current.parents.put(id, parentId);
            current.reparented.add(id);
        }
    }

    /** Writes what is left of the current article, puts late replies in their places, and announces the article. */
    public void endArticle() throws SQLException {
        if (current == null) {
            return;
        }
        flush();
        finish(current);
        open.remove(current.article);
        current = null;
    }

    /** Ends every article still open, in the order they were started. */
    public void finish() throws SQLException {
        flush();
        for (ArticleState state : open.values()) {
            finish(state);
        }
        open.clear();
        current = null;
    }

    private void finish(ArticleState state) throws SQLException {
        if (!state.reparented.isEmpty()) {
            placeLateReplies(state);
        }
        if (!state.moves.isEmpty()) {
            announce.accept(new CommentsChanged(state.article, state.anyPublic, state.moves));
        }
    }

    private void flush() throws SQLException {
        if (batched > 0) {
            // comments first: history rows and replies refer to them
            insertComment.executeBatch();
            insertEvent.executeBatch();
            batched = 0;
        }
    }

    /** Sets the parent of late replies and the depth of every comment whose depth the late parents changed. */
    private void placeLateReplies(ArticleState state) throws SQLException {
        Map<Long, Integer> correct = new HashMap<>();
        for (Long id : state.parents.keySet()) {
            depthOf(state, id, correct);
        }
        try (PreparedStatement update = db.prepareStatement("UPDATE comments SET parent_id = ?, depth = ? WHERE id = ?")) {
            for (Map.Entry<Long, Integer> entry : correct.entrySet()) {
                if (state.reparented.contains(entry.getKey()) || !entry.getValue().equals(state.depths.get(entry.getKey()))) {
                    Long parent = state.parents.get(entry.getKey());
                    if (parent == null) {
                        update.setNull(1, Types.BIGINT);
                    } else {
                        update.setLong(1, parent);
                    }
                    update.setInt(2, entry.getValue());
                    update.setLong(3, entry.getKey());
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }

    /** Depth from the parent chain, walked without recursion; a cycle (a broken file) is cut at the top. */
    private static int depthOf(ArticleState state, Long id, Map<Long, Integer> known) {
        List<Long> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Long at = id;
        int base = 0;
        while (at != null) {
            Integer depth = known.get(at);
            if (depth != null) {
                base = depth;
                break;
            }
            if (!seen.add(at)) {
                state.parents.put(at, null);
                state.reparented.add(at);
                return depthOf(state, id, known);
            }
            chain.add(at);
            at = state.parents.get(at);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            known.put(chain.get(i), ++base);
        }
        return known.get(id);
    }

    @Override
    public void close() throws SQLException {
        insertComment.close();
        insertEvent.close();
        commentIds.close();
        eventIds.close();
    }
}
