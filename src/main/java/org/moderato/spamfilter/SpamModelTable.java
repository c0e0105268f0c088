package org.moderato.spamfilter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model in the database, the truth every node reads: {@code spam_model} (one row: comments
 * learnt per class and a version that every change moves) and {@code spam_features} (counts per
 * feature hash). Plain JDBC on the caller's connection and transaction; standard SQL that H2 2.2 and
 * PostgreSQL 15 both run. A change first locks the {@code spam_model} row, so trainers on several
 * nodes take turns and a feature row is never inserted twice.
 */
public final class SpamModelTable {

    /** The state of the table after a change: its new version, for the in-memory copy to follow. */
    public record Saved(long version) {}

    private static final String MERGE = "MERGE INTO spam_features f USING (VALUES (CAST(? AS INTEGER))) AS n(feature_hash)"
            + " ON f.feature_hash = n.feature_hash"
            + " WHEN MATCHED THEN UPDATE SET spam_count = GREATEST(0, f.spam_count + ?), good_count = GREATEST(0, f.good_count + ?)"
            + " WHEN NOT MATCHED THEN INSERT (feature_hash, spam_count, good_count) VALUES (n.feature_hash, GREATEST(0, ?), GREATEST(0, ?))";

    private SpamModelTable() {}

    public static long version(Connection db) throws SQLException {
        try (Statement select = db.createStatement();
             ResultSet rs = select.executeQuery("SELECT version FROM spam_model WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The whole model and the version it was read at. */
    public static Loaded load(Connection db) throws SQLException {
        SpamModel model = new SpamModel();
        long version;
        try (Statement select = db.createStatement();
             ResultSet rs = select.executeQuery("SELECT spam_messages, good_messages, version FROM spam_model WHERE id = 1")) {
            rs.next();
            model.setMessages(rs.getInt(1), rs.getInt(2));
            version = rs.getLong(3);
        }
        try (Statement select = db.createStatement()) {
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery("SELECT feature_hash, spam_count, good_count FROM spam_features")) {
                while (rs.next()) {
                    model.put(rs.getInt(1), rs.getInt(2), rs.getInt(3));
                }
            }
        }
        return new Loaded(model, version);
    }

    public record Loaded(SpamModel model, long version) {}

    /** Learns or unlearns one comment's features, in one batch. */
    public static Saved train(Connection db, int[] hashes, Label label, int delta) throws SQLException {
        int spamDelta = label == Label.SPAM ? delta : 0;
        int goodDelta = label == Label.GOOD ? delta : 0;
        long version = bump(db, spamDelta, goodDelta, false);
        // summed per feature: a count moved twice by 1 ends where one move by 2 ends, also at the floor of 0
        Map<Integer, int[]> deltas = new TreeMap<>();
        for (int hash : hashes) {
            int[] d = deltas.computeIfAbsent(hash, h -> new int[2]);
            d[0] += spamDelta;
            d[1] += goodDelta;
        }
        merge(db, deltas);
        return new Saved(version);
    }

    /** A comment learnt for the first time: its features and what it is. */
    public record Example(int[] hashes, Label label) {}

    /**
     * Learns new comments, all as one change: one version, and one row update per feature however many
     * of the comments have it (a busy site's new comments share most of their words, so a batch of a
     * hundred costs little more than one).
     */
    public static Saved learnAll(Connection db, List<Example> examples) throws SQLException {
        Map<Integer, int[]> deltas = new TreeMap<>();
        int spam = 0;
        int good = 0;
        for (Example example : examples) {
            int column = example.label() == Label.SPAM ? 0 : 1;
            if (column == 0) {
                spam++;
            } else {
                good++;
            }
            for (int hash : example.hashes()) {
                deltas.computeIfAbsent(hash, h -> new int[2])[column]++;
            }
        }
        long version = bump(db, spam, good, false);
        merge(db, deltas);
        return new Saved(version);
    }

    /** Moves each feature's counts by its (spam, good) deltas, in hash order: rows are locked in one order by every node. */
    private static void merge(Connection db, Map<Integer, int[]> deltas) throws SQLException {
        try (PreparedStatement merge = db.prepareStatement(MERGE)) {
            for (Map.Entry<Integer, int[]> delta : deltas.entrySet()) {
                merge.setInt(1, delta.getKey());
                merge.setInt(2, delta.getValue()[0]);
                merge.setInt(3, delta.getValue()[1]);
                merge.setInt(4, delta.getValue()[0]);
                merge.setInt(5, delta.getValue()[1]);
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    /** Replaces the stored model by one built from scratch. */
    public static Saved replace(Connection db, SpamModel model) throws SQLException {
        long version = bump(db, model.spamMessages(), model.goodMessages(), true);
        try (Statement delete = db.createStatement()) {
            delete.executeUpdate("DELETE FROM spam_features");
        }
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO spam_features (feature_hash, spam_count, good_count) VALUES (?, ?, ?)")) {
            int[] pending = {0};
            SQLException[] failure = {null};
            model.forEach((hash, spam, good) -> {
                try {
                    insert.setInt(1, hash);
                    insert.setInt(2, spam);
                    insert.setInt(3, good);
                    insert.addBatch();
                    if (++pending[0] % 1000 == 0) {
                        insert.executeBatch();
                    }
                } catch (SQLException e) {
                    failure[0] = failure[0] == null ? e : failure[0];
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            insert.executeBatch();
        }
        return new Saved(version);
    }

    /** Locks the model row, moves the message counts (or sets them) and the version; returns the new version. */
    private static long bump(Connection db, int spam, int good, boolean set) throws SQLException {
        String counts = set ? "spam_messages = ?, good_messages = ?"
                : "spam_messages = GREATEST(0, spam_messages + ?), good_messages = GREATEST(0, good_messages + ?)";
        try (PreparedStatement update = db.prepareStatement("UPDATE spam_model SET " + counts + ", version = version + 1 WHERE id = 1")) {
            update.setInt(1, spam);
            update.setInt(2, good);
            update.executeUpdate();
        }
        return version(db);
    }
}
