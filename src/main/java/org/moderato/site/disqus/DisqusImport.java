package org.moderato.site.disqus;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.InputStream;
import java.sql.Connection;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.moderato.account.Role;
import org.moderato.article.wordpress.TransferLog;
import org.moderato.comment.CommentsChanged;
import org.moderato.platform.DatabaseConfig;
import org.moderato.privacy.EmailVault;
import org.moderato.site.Site;
import org.moderato.site.SiteRefused;

/**
 * Imports a Disqus export into one site in one transaction: it all lands, or (broken file, database
 * error) nothing does. Listed with the WordPress imports and exports on the export page.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
@TransactionManagement(TransactionManagementType.BEAN)
public class DisqusImport {

    private static final Logger LOG = Logger.getLogger(DisqusImport.class.getName());
    private static final int TIMEOUT_SECONDS = 3 * 60 * 60;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @PersistenceContext
    EntityManager em;

    @Inject
    EmailVault vault;

    @Inject
    Event<CommentsChanged> changes;

    /**
     * Reads and stores the file into the site {@code siteId}'s page threads, or (null) into this server's
     * own articles; throws {@code WxrFormatException} (nothing stored) when it is not a readable Disqus export.
     */
    public DisqusSummary importFile(InputStream export, Long siteId, boolean keyByIdentifier, String actor) throws Exception {
        Site site = siteId == null ? null : em.find(Site.class, siteId);
        if (siteId != null && site == null) {
            throw new SiteRefused("That site does not exist any more.", 400);
        }
        Instant now = Instant.now();
        long started = System.nanoTime();
        transaction.setTransactionTimeout(TIMEOUT_SECONDS);
        transaction.begin();
        DisqusSummary summary;
        try (Connection db = dataSource.getConnection();
             DisqusReader reader = new DisqusReader(export);
             DisqusLoader loader = new DisqusLoader(db, vault, site, keyByIdentifier, changes::fire, now)) {
            summary = loader.load(reader);
            TransferLog.record(db, TransferLog.Kind.IMPORT, actor, now, "Disqus export into " + (site == null ? "this site's articles" : site.getName()), summary.threads(),
                    summary.comments(), true, summary.describe());
        } catch (Exception | Error e) {
            transaction.rollback();
            throw e;
        }
        transaction.commit();
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info(() -> String.format("Disqus import by %s into %s: %s (%.1f s)", actor, site == null ? "the articles" : "site " + siteId,
                summary.describe(), seconds));
        return summary;
    }
}
