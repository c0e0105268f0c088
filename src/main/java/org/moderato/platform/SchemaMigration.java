package org.moderato.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Applies the reviewed SQL migrations from {@code sql/} before anything else touches the database. */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    /** The one set of migrations (sql/, packaged as db/migration), for the server and for the move to PostgreSQL. */
    public static FluentConfiguration configure() {
        return Flyway.configure(SchemaMigration.class.getClassLoader()).locations("classpath:db/migration");
    }

    @PostConstruct
    void migrate() {
        var result = configure()
                .dataSource(dataSource)
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
