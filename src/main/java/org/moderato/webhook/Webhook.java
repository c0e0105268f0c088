package org.moderato.webhook;

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
import java.util.Set;
import java.util.stream.Collectors;

/** An admin's endpoint: where deliveries go, which events it hears of, the secret they are signed with. */
@Entity
@Table(name = "webhooks")
public class Webhook {

    @Id
    @SequenceGenerator(name = "seq_webhooks", sequenceName = "seq_webhooks", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_webhooks")
    private Long id;

    @Column(nullable = false, length = 500)
    private String url;

    @Column(nullable = false, length = 100)
    private String events;

    /** The signing secret as {@link WebhookSecrets} seals it: a copy of the database does not give it away. */
    @Column(name = "secret", nullable = false, length = 200)
    private String sealedSecret;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Webhook() {}

    Webhook(String url, Set<WebhookEvent> events, String sealedSecret, String createdBy, Instant now) {
        this.url = url;
        this.events = events.stream().map(WebhookEvent::key).sorted().collect(Collectors.joining(" "));
        this.sealedSecret = sealedSecret;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public Set<WebhookEvent> events() {
        Set<WebhookEvent> set = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(events.split(" ")).map(WebhookEvent::ofKey).forEach(e -> e.ifPresent(set::add));
        return set;
    }

    public Long getId() { return id; }
    public String getUrl() { return url; }
    String getSealedSecret() { return sealedSecret; }
    void sealAgain(String sealed) { this.sealedSecret = sealed; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
