package org.moderato.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.moderato.platform.DatabaseConfig;

/**
 * The identity store: the accounts table, PBKDF2 hashes. The login itself is {@link StaffAuthentication}.
 * Which URLs need which role is declared in web.xml, next to the URL mapping, so the whole access map
 * is in one file.
 */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = DatabaseConfig.JNDI_NAME,
        callerQuery = "SELECT password_hash FROM accounts WHERE username = ? AND enabled = TRUE",
        groupsQuery = "SELECT role FROM accounts WHERE username = ?",
        // the store only verifies, with the algorithm, rounds and salt each stored hash names;
        // the parameters of new hashes are PasswordHasher's
        hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({Role.MODERATOR_NAME, Role.ADMIN_NAME})
@ApplicationScoped
public class SecurityConfig {}
