package org.moderato.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A staff member who logs in: a moderator or an admin. Changing the password, the role or the enabled
 * flag raises the session epoch, which ends every session started before (see {@code StaffSessionGuard}).
 */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    @SequenceGenerator(name = "seq_accounts", sequenceName = "seq_accounts", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_accounts")
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    /** PBKDF2 hash in Jakarta Security's own format; the identity store reads this column. */
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    /** The role's group name ("moderator", "admin"). */
    @Column(nullable = false, length = 20)
    private String role;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "session_epoch", nullable = false)
    private int sessionEpoch;

    @Version
    private int version;

    protected Account() {}

    public Account(String username, String passwordHash, Role role, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role.groupName();
        this.createdAt = createdAt;
    }

    public void changePassword(String newHash) {
        passwordHash = newHash;
        sessionEpoch++;
    }

    public void changeRole(Role newRole) {
        role = newRole.groupName();
        sessionEpoch++;
    }

    public void disable() {
        enabled = false;
        sessionEpoch++;
    }

    public void enable() {
        enabled = true;
    }

    public void loggedIn(Instant at) {
        lastLoginAt = at;
    }

    public boolean isAdmin() {
        return Role.ADMIN.groupName().equals(role);
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getRole() { return role; }
    public boolean isEnabled() { return enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public int getSessionEpoch() { return sessionEpoch; }
    String getPasswordHash() { return passwordHash; }
}
