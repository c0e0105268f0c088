package org.moderato.article.wordpress;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.InputStream;
import java.sql.Connection;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.moderato.platform.DatabaseConfig;
import org.moderato.comment.CommentTotals;
import org.moderato.comment.CommentsImported;
import org.moderato.platform.ContentChanges;
import org.moderato.privacy.EmailVault;

/**
 * Imports a WordPress export in one transaction: it all lands, or (broken file, database error)
 * nothing does. The transaction is the bean's own, with a timeout long enough for a 200 MB file.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class WordPressImport {

    private static final Logger LOG = Logger.getLogger(WordPressImport.class.getName());
    private static final int TIMEOUT_SECONDS = 3 * 60 * 60;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    EmailVault vault;

    @Inject
    CommentTotals totals;

    /** Observed by what is derived from all comments (the spam filter retrains on the imported statuses). */
    @Inject
    Event<CommentsImported> imported;

    /** Reads and stores the file; throws {@link WxrFormatException} (nothing stored) when it is broken. */
    public ImportSummary importFile(InputStream wxr, String actor) throws Exception {
        Instant now = Instant.now();
        long started = System.nanoTime();
        transaction.setTransactionTimeout(TIMEOUT_SECONDS);
        transaction.begin();
        ImportSummary summary;
        try (Connection db = dataSource.getConnection();
             WxrReader reader = new WxrReader(wxr);
             WxrLoader loader = new WxrLoader(db, vault, now)) {
            summary = loader.load(reader);
            TransferLog.record(db, TransferLog.Kind.IMPORT, actor, now, summary.site(), summary.articles(), summary.comments(),
                    true, summary.describe());
        } catch (Exception | Error e) {
            transaction.rollback();
            throw e;
        }
        transaction.commit();
        // the loader writes through JDBC, around the services that keep the queue's totals and the
        // entity listeners that tell the page cache
        totals.recount();
        ContentChanges.recordBulkChange();
        imported.fire(new CommentsImported(summary.comments()));
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info(() -> String.format("WordPress import by %s from %s: %s (%.1f s, %.0f comments/s)", actor, summary.site(),
                summary.describe(), seconds, summary.comments() / Math.max(seconds, 0.001)));
        return summary;
    }
}
