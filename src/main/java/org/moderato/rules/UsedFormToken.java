package org.moderato.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A form token already spent by an author; kept until it would have expired anyway. Written by
 * {@link SpentFormTokens} with a plain INSERT; the entity is for the queries that delete expired and erased ones.
 */
@Entity
@Table(name = "used_form_tokens")
public class UsedFormToken {

    @Id
    @Column(name = "token_key", length = 200)
    private String tokenKey;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected UsedFormToken() {}
}
