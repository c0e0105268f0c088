package org.moderato.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one data source. Its URL comes from {@code MODERATO_DB_URL}, which the launcher derives from
 * {@code MODERATO_DATA_DIR} when it is not set (an H2 file database with {@code WRITE_DELAY=0}, so a
 * comment whose submission got its redirect is on disk even after {@code kill -9}).
 */
@DataSourceDefinition(
        name = DatabaseConfig.JNDI_NAME,
        className = "${ENV=MODERATO_DB_DRIVER}",
        url = "${ENV=MODERATO_DB_URL}",
        user = "${ENV=MODERATO_DB_USER}",
        password = "${ENV=MODERATO_DB_PASSWORD}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.is-connection-validation-required=true", "fish.payara.connection-validation-method=auto-commit"})
@ApplicationScoped
public class DatabaseConfig {
    public static final String JNDI_NAME = "java:app/jdbc/moderato";
}
