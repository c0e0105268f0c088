package org.moderato.article.wordpress;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.moderato.account.Role;
import org.moderato.platform.DatabaseConfig;
import org.moderato.privacy.EmailVault;

/**
 * The WXR export, for admins only: the container refuses anyone else before a byte is read, since
 * the file can carry every commenter's address in clear. The audit row is committed before the
 * first byte goes out, so an export that breaks off half-way is on record too.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class WordPressExport {

    @Resource
    UserTransaction transaction;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    EmailVault vault;

    @RolesAllowed(Role.ADMIN_NAME)
    public WxrWriter.Counts export(OutputStream out, boolean withEmails, String siteUrl, String actor) throws Exception {
        Instant now = Instant.now();
        transaction.begin();
        try (Connection db = dataSource.getConnection()) {
            int articles = count(db, "SELECT COUNT(*) FROM articles");
            int comments = count(db, "SELECT COUNT(*) FROM comments");
            TransferLog.record(db, TransferLog.Kind.EXPORT, actor, now, siteUrl, articles, comments, withEmails,
                    articles + " articles, " + comments + " comments exported " + (withEmails ? "with" : "without") + " email addresses");
        } catch (Exception | Error e) {
            transaction.rollback();
            throw e;
        }
        transaction.commit();

        transaction.begin();
        try (Connection db = dataSource.getConnection()) {
            return new WxrWriter(db, withEmails ? vault : null, siteUrl, now).write(out);
        } finally {
            // nothing was written to the database: ending the read transaction either way is the same
            transaction.rollback();
        }
    }

    /** The latest imports and exports, newest first. */
    @RolesAllowed(Role.ADMIN_NAME)
    public List<TransferRecord> recent(int limit) throws Exception {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("SELECT kind, actor, occurred_at, site_url, articles, comments,"
                     + " with_emails, summary FROM data_transfers ORDER BY occurred_at DESC, id DESC")) {
            select.setMaxRows(limit);
            List<TransferRecord> records = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    records.add(new TransferRecord(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                            rs.getInt(5), rs.getInt(6), rs.getBoolean(7), rs.getString(8)));
                }
            }
            return records;
        }
    }

    private static int count(Connection db, String sql) throws Exception {
        try (PreparedStatement select = db.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
