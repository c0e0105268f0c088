package org.moderato.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one data source, pooled by the container. Which database it is comes from MicroProfile Config
 * with a default for every setting ({@link ConfiguredDataSource}): {@code MODERATO_DB_URL} (an H2
 * file under {@code MODERATO_DATA_DIR} when unset), {@code MODERATO_DB_DRIVER}, {@code MODERATO_DB_USER}
 * and {@code MODERATO_DB_PASSWORD}.
 */
@DataSourceDefinition(
        name = DatabaseConfig.JNDI_NAME,
        className = "org.moderato.platform.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.is-connection-validation-required=true", "fish.payara.connection-validation-method=auto-commit"})
@ApplicationScoped
public class DatabaseConfig {
    public static final String JNDI_NAME = "java:app/jdbc/moderato";
}
