package org.moderato.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.logging.Logger;
import org.moderato.platform.OwnerOnlyFiles;
import org.moderato.platform.Settings;

/**
 * On the first start (no accounts yet) creates the admin account "admin". Its password is
 * {@code MODERATO_ADMIN_PASSWORD} when set; otherwise a random one, printed once in the log and
 * written to {@code admin-password.txt} in the data directory, readable by its owner only.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdmin {

    public static final String USERNAME = "admin";
    static final String PASSWORD_FILE = "admin-password.txt";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Inject
    AccountService accounts;

    @Inject
    Settings settings;

    @PostConstruct
    void createWhenMissing() {
        if (accounts.anyAccountExists()) {
            return;
        }
        String password = settings.adminPassword().orElseGet(() -> generateAndRecord(settings.dataDir().resolve(PASSWORD_FILE)));
        accounts.create(USERNAME, password, Role.ADMIN);
        LOG.info("Created the first admin account '" + USERNAME + "'.");
    }

    private static String generateAndRecord(Path file) {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        try {
            OwnerOnlyFiles.write(file, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first admin password to " + file, e);
        }
        LOG.warning("First admin account: username '" + USERNAME + "', password '" + password
                + "' (shown once; also in " + file + ", readable only by you). Log in at /login and change it.");
        return password.toString();
    }
}
