package org.moderato.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event for one webhook: an outbox row, claimed by a sender before it is sent. */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery {

    public enum State { QUEUED, SENDING, DELIVERED, FAILED }

    @Id
    @SequenceGenerator(name = "seq_webhook_deliveries", sequenceName = "seq_webhook_deliveries", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_webhook_deliveries")
    private Long id;

    @Column(name = "webhook_id", nullable = false)
    private Long webhookId;

    @Column(nullable = false, length = 30)
    private String event;

    @Column(nullable = false, length = 20000)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDelivery() {}

    WebhookDelivery(long webhookId, WebhookEvent event, String payload, Instant now) {
        this.webhookId = webhookId;
        this.event = event.key();
        this.payload = payload;
        this.state = State.QUEUED;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public Long getWebhookId() { return webhookId; }
    public String getEvent() { return event; }
    public String getPayload() { return payload; }
    public State getState() { return state; }
    public int getAttempts() { return attempts; }
    public Instant getCreatedAt() { return createdAt; }
    public Integer getLastStatus() { return lastStatus; }
    public String getLastError() { return lastError; }
    public Instant getDeliveredAt() { return deliveredAt; }
}
