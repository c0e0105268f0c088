package org.moderato.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One login attempt, recorded before its password is checked: the username as typed (whether or not it
 * exists) and the address group it came from. It stays as a failure unless the password was right.
 */
@Entity
@Table(name = "login_attempts")
public class LoginAttempt {

    @Id
    @SequenceGenerator(name = "seq_login_failures", sequenceName = "seq_login_failures", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_login_failures")
    private Long id;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "ip_address", nullable = false, length = 45)
    private String ipAddress;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    protected LoginAttempt() {}

    public LoginAttempt(String username, String ipAddress, Instant attemptedAt) {
        this.username = username;
        this.ipAddress = ipAddress;
        this.attemptedAt = attemptedAt;
    }

    public Long getId() {
        return id;
    }
}
