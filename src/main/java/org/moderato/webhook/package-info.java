/**
 * Webhooks: endpoints an admin registers ({@code /admin/webhooks}) hear of comments held, approved
 * and reported. A delivery is an outbox row written in the transaction of the change (observing the
 * write path's {@code CommentWritten} and the reports' {@code CommentReported}), sent after commit by
 * {@link org.moderato.webhook.WebhookSender}, signed with HMAC-SHA-256 over the timestamp and the body,
 * retried with a doubling wait. A payload never carries an email or IP address.
 */
package org.moderato.webhook;
