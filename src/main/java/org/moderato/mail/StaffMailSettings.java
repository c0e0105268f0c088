package org.moderato.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A staff account's own address (sealed) and what it wants to hear of held comments. */
@Entity
@Table(name = "mail_staff")
public class StaffMailSettings {

    /** When a staff member hears of a comment held for moderation. */
    public enum HeldMail {
        AT_ONCE("at once, one message per comment"),
        DIGEST("a digest every few minutes, when there is something new"),
        NEVER("never");

        private final String label;

        HeldMail(String label) {
            this.label = label;
        }

        public String label() { return label; }
    }

    public static final int DIGEST_MIN_MINUTES = 5;
    public static final int DIGEST_MAX_MINUTES = 1440;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "email_ciphertext", nullable = false)
    private String emailCiphertext;

    @Enumerated(EnumType.STRING)
    @Column(name = "held_mail", nullable = false)
    private HeldMail heldMail;

    @Column(name = "digest_minutes", nullable = false)
    private int digestMinutes;

    @Column(name = "last_digest_at", nullable = false)
    private Instant lastDigestAt;

    protected StaffMailSettings() {}

    StaffMailSettings(long accountId, String emailCiphertext, HeldMail heldMail, int digestMinutes, Instant now) {
        this.accountId = accountId;
        change(emailCiphertext, heldMail, digestMinutes, now);
    }

    /** A digest starts counting from the change: nothing held before it is mailed again. */
    void change(String emailCiphertext, HeldMail heldMail, int digestMinutes, Instant now) {
        if (digestMinutes < DIGEST_MIN_MINUTES || digestMinutes > DIGEST_MAX_MINUTES) {
            throw new IllegalArgumentException("digest minutes out of range");
        }
        if (emailCiphertext != null) {
            this.emailCiphertext = emailCiphertext;
        }
        this.heldMail = heldMail;
        this.digestMinutes = digestMinutes;
        this.lastDigestAt = now;
    }

    void reseal(String emailCiphertext) {
        this.emailCiphertext = emailCiphertext;
    }

    public Long getAccountId() { return accountId; }
    public String getEmailCiphertext() { return emailCiphertext; }
    public HeldMail getHeldMail() { return heldMail; }
    public int getDigestMinutes() { return digestMinutes; }
    public Instant getLastDigestAt() { return lastDigestAt; }
}
