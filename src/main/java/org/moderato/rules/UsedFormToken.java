package org.moderato.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A form token already spent by an author; kept until it would have expired anyway. */
@Entity
@Table(name = "used_form_tokens")
public class UsedFormToken {

    @Id
    @Column(name = "token_key", length = 200)
    private String tokenKey;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected UsedFormToken() {}

    public UsedFormToken(String tokenKey, Instant expiresAt) {
        this.tokenKey = tokenKey;
        this.expiresAt = expiresAt;
    }
}
