package org.moderato.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;

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

    /**
     * The embedded database's file under a data directory (H2 adds {@code .mv.db}): the default URL's, and the
     * one {@code bin/move-to-postgres} reads (this class has no MicroProfile types, so that plain main can use it).
     */
    public static Path h2File(Path dataDir) {
        return dataDir.resolve("moderato");
    }

    /** The JDBC URL of that file with H2 settings ({@code ;NAME=value...}, or empty). */
    public static String h2Url(Path dataDir, String settings) {
        return "jdbc:h2:file:" + h2File(dataDir) + settings;
    }
}
