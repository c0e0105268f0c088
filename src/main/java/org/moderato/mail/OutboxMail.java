package org.moderato.mail;

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

/**
 * One message in the outbox, rendered when it was queued: only the recipient stays sealed until the
 * sender opens it. Its states move QUEUED -> SENDING -> SENT, back to QUEUED with a later attempt when
 * the SMTP server is down or refuses for now, or FAILED when it refused for good, the address cannot be
 * read, the message is three days old, or a sender stopped in the middle (it may have been delivered:
 * sending it again could send it twice).
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    public enum State { QUEUED, SENDING, SENT, FAILED }

    @Id
    @SequenceGenerator(name = "seq_mail_outbox", sequenceName = "seq_mail_outbox", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_mail_outbox")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "recipient_ciphertext", nullable = false)
    private String recipientCiphertext;

    @Column(name = "recipient_index")
    private String recipientIndex;

    @Column(nullable = false)
    private String subject;

    @Column(name = "body_text", nullable = false)
    private String bodyText;

    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column(name = "unsubscribe_url")
    private String unsubscribeUrl;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(name = "once_key")
    private String onceKey;

    @Column(name = "comment_id")
    private Long commentId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxMail() {}

    OutboxMail(MailMessage message, String messageId, Instant now) {
        this.kind = message.kind();
        this.state = State.QUEUED;
        this.recipientCiphertext = message.recipientCiphertext();
        this.recipientIndex = message.recipientIndex();
        this.subject = message.subject();
        this.bodyText = message.text();
        this.bodyHtml = message.html();
        this.unsubscribeUrl = message.unsubscribeUrl();
        this.messageId = messageId;
        this.onceKey = message.onceKey();
        this.commentId = message.commentId();
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public Long getId() { return id; }
    public MailKind getKind() { return kind; }
    public State getState() { return state; }
    public String getRecipientCiphertext() { return recipientCiphertext; }
    public String getSubject() { return subject; }
    public String getBodyText() { return bodyText; }
    public String getBodyHtml() { return bodyHtml; }
    public String getUnsubscribeUrl() { return unsubscribeUrl; }
    public String getMessageId() { return messageId; }
    public Long getCommentId() { return commentId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public int getAttempts() { return attempts; }
    public Instant getSentAt() { return sentAt; }
    public String getLastError() { return lastError; }
}
