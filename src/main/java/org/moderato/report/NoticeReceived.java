package org.moderato.report;

/**
 * An illegal-content notice was stored (fired in the transaction, observed {@code AFTER_SUCCESS}):
 * for a mail feature to alert moderators and to send the notifier the acknowledgement DSA Art. 16(4)
 * asks for. {@code sealedNotifierEmail} is the vault's ciphertext (null without an address);
 * {@code acknowledgementPath} the notifier's signed page, relative to the site.
 */
public record NoticeReceived(long reportId, long commentId, String law, String sealedNotifierEmail, String acknowledgementPath) {}
