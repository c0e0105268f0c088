package org.moderato.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One failed login: the username as typed (whether or not it exists) and where it came from. */
@Entity
@Table(name = "login_failures")
public class LoginFailure {

    @Id
    @SequenceGenerator(name = "seq_login_failures", sequenceName = "seq_login_failures", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_login_failures")
    private Long id;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "ip_address", nullable = false, length = 45)
    private String ipAddress;

    @Column(name = "failed_at", nullable = false)
    private Instant failedAt;

    protected LoginFailure() {}

    public LoginFailure(String username, String ipAddress, Instant failedAt) {
        this.username = username;
        this.ipAddress = ipAddress;
        this.failedAt = failedAt;
    }
}
