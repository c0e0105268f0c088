package org.moderato.mail;

/**
 * A message to queue, rendered: the recipient sealed ({@code recipientCiphertext}), the subject,
 * both bodies, and for notifications the one-click unsubscribe address. {@code onceKey}, when not
 * null, makes the outbox refuse a second message with the same key (one notification per comment per
 * subscriber).
 */
public record MailMessage(MailKind kind, String recipientCiphertext, String recipientIndex, String subject, String text,
                          String html, String unsubscribeUrl, String onceKey, Long commentId) {}
