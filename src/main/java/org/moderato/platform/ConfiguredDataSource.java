package org.moderato.platform;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The data source class the container pools ({@link DatabaseConfig}). It reads the database settings
 * through MicroProfile Config when the pool opens its first connection, each with a default, so the
 * same {@code ROOT.war} starts on any Payara with no environment at all: an H2 file database under the
 * data directory ({@code ./data} by default) with {@link #H2_OPTIONS}: H2 writes in the background, which
 * is also where it compacts its file (with {@code WRITE_DELAY=0} it has no background writer and its file
 * only grows while it runs: 295 MB for 6,600 comments, 10 MB once compacted), and {@link DurableWrites}
 * answers a request only once {@link GroupCommit} has written what it committed, so a comment whose
 * submission got its redirect is on disk even after {@code kill -9}.
 *
 * <p>Why not the annotation's own attributes: Payara resolves {@code ${ENV=...}} and
 * {@code ${MPCONFIG=...}} in {@code @DataSourceDefinition} before the application's configuration is
 * there, and a missing environment variable stops the deployment; a default computed from another
 * setting (the data directory) cannot be written there at all.
 */
public class ConfiguredDataSource implements DataSource {

    /** The default H2 URL's settings: H2's own default write delay (ms), named so that nobody takes it for 0. */
    public static final String H2_OPTIONS = ";WRITE_DELAY=500";

    static final String H2_DRIVER = "org.h2.jdbcx.JdbcDataSource";
    static final String POSTGRES_DRIVER = "org.postgresql.ds.PGSimpleDataSource";

    private volatile DataSource target;
    private PrintWriter logWriter;
    private int loginTimeout;

    /** The settings as an operator gives them, with their defaults; pure, so a unit test can check the defaults. */
    record Settings(String url, String driver, String user, String password) {

        static Settings from(Config config) {
            Path dataDir = Path.of(config.getOptionalValue("moderato.data.dir", String.class).orElse("./data")).toAbsolutePath().normalize();
            String url = config.getOptionalValue("moderato.db.url", String.class).filter(s -> !s.isBlank())
                    .orElse(DatabaseConfig.h2Url(dataDir, H2_OPTIONS));
            boolean postgres = url.startsWith("jdbc:postgresql:");
            String driver = config.getOptionalValue("moderato.db.driver", String.class).filter(s -> !s.isBlank())
                    .orElse(postgres ? POSTGRES_DRIVER : H2_DRIVER);
            String user = config.getOptionalValue("moderato.db.user", String.class).filter(s -> !s.isBlank())
                    .orElse(postgres ? "moderato" : "sa");
            String password = config.getOptionalValue("moderato.db.password", String.class).orElse("");
            return new Settings(url, driver, user, password);
        }
    }

    private DataSource target() throws SQLException {
        DataSource current = target;
        if (current == null) {
            synchronized (this) {
                if (target == null) {
                    target = create(Settings.from(ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader())));
                }
                current = target;
            }
        }
        return current;
    }

    /** The driver's own DataSource bean, set up by its JavaBean setters as the container would. */
    private static DataSource create(Settings settings) throws SQLException {
        try {
            Class<?> type = Class.forName(settings.driver(), true, ConfiguredDataSource.class.getClassLoader());
            Object bean = type.getDeclaredConstructor().newInstance();
            set(bean, settings.url(), "setUrl", "setURL");
            set(bean, settings.user(), "setUser");
            set(bean, settings.password(), "setPassword");
            return (DataSource) bean;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new SQLException("MODERATO_DB_DRIVER " + settings.driver() + " is not a usable javax.sql.DataSource class", e);
        }
    }

    private static void set(Object bean, String value, String... setters) throws ReflectiveOperationException {
        for (String name : setters) {
            try {
                Method setter = bean.getClass().getMethod(name, String.class);
                setter.invoke(bean, value);
                return;
            } catch (NoSuchMethodException tryTheNext) {
                // H2 and PostgreSQL both have setURL; some drivers only setUrl
            }
        }
        throw new NoSuchMethodException(bean.getClass().getName() + " has none of " + String.join(", ", setters));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return target().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target().isWrapperFor(type);
    }
}
