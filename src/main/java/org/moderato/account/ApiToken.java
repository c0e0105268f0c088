package org.moderato.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** A staff API token: its name, its scopes, who made it; only the token's SHA-256 is kept. Revoked for good. */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

    @Id
    @SequenceGenerator(name = "seq_api_tokens", sequenceName = "seq_api_tokens", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_api_tokens")
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 100)
    private String scopes;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {}

    ApiToken(String name, String tokenHash, Set<ApiScope> scopes, String createdBy, Instant now) {
        this.name = Objects.requireNonNull(name);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.scopes = scopes.stream().map(ApiScope::key).sorted().collect(Collectors.joining(" "));
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public Set<ApiScope> scopes() {
        Set<ApiScope> set = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(scopes.split(" ")).map(ApiScope::byKey).forEach(s -> s.ifPresent(set::add));
        return set;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getRevokedAt() { return revokedAt; }
}
