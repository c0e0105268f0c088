/**
 * Email: what readers asked for (follow-up and reply notifications with double opt-in, "your comment
 * was approved"), held-comment alerts and digests for staff, and the outbox every message goes through.
 *
 * <p>Messages are queued in the transaction of the change that causes them ({@link Subscriptions} and
 * {@link StaffAlerts} hear of {@link org.moderato.comment.CommentWritten} inside the writer's transaction, through
 * {@link MailTriggers} and only while mail is on),
 * so a rolled-back comment queues nothing and a committed one cannot lose its mail. {@link MailSender}
 * drains the outbox after commit and on a timer, claims each row before it talks to the SMTP server
 * (so several nodes and restarts never send one row twice) and retries with backoff. Addresses are
 * stored sealed; the sender is the only code that opens one, and no address is ever logged.
 * Everything here is off, and invisible, without {@code MODERATO_SMTP_HOST}.
 */
package org.moderato.mail;
