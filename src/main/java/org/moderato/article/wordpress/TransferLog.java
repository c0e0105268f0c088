package org.moderato.article.wordpress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.moderato.platform.SequenceIds;

/** Writes the audit row of an import or export, in the same transaction as the work it describes. */
public final class TransferLog {

    public enum Kind { IMPORT, EXPORT }

    private TransferLog() {}

    public static void record(Connection db, Kind kind, String actor, Instant at, String site, int articles, int comments,
                       boolean withEmails, String summary) throws SQLException {
        try (SequenceIds ids = new SequenceIds(db, "seq_data_transfers");
             PreparedStatement insert = db.prepareStatement("INSERT INTO data_transfers (id, kind, actor, occurred_at, site_url,"
                     + " articles, comments, with_emails, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, ids.next());
            insert.setString(2, kind.name());
            insert.setString(3, actor.length() <= 100 ? actor : actor.substring(0, 100));
            insert.setTimestamp(4, Timestamp.from(at));
            insert.setString(5, site == null || site.length() <= 500 ? site : site.substring(0, 500));
            insert.setInt(6, articles);
            insert.setInt(7, comments);
            insert.setBoolean(8, withEmails);
            insert.setString(9, summary == null || summary.length() <= 1000 ? summary : summary.substring(0, 1000));
            insert.executeUpdate();
        }
    }
}
