package org.moderato.mail;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.moderato.article.Article;
import org.moderato.comment.Comment;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.CommentWritten;
import org.moderato.comment.FollowUp;
import org.moderato.platform.MailSettings;
import org.moderato.platform.ReaderTexts;

/**
 * Readers' mail: subscriptions with double opt-in, notifications of new public comments, "your comment
 * was approved", and leaving a thread or everything.
 *
 * <p>It hears of {@link CommentWritten} inside the writer's transaction ({@link MailTriggers}), so the subscription, the
 * confirmation mail and the notifications commit (or roll back) with the comment that causes them; the
 * after-commit {@code CommentsChanged} would be too late for that, and imports (which must notify
 * nobody) fire it too.
 */
@Stateless
public class Subscriptions {

    /** At most one confirmation mail per address in this time, whatever is submitted. */
    static final Duration CONFIRMATION_INTERVAL = Duration.ofHours(1);

    private static final String ENSURE_ADDRESS = "MERGE INTO mail_addresses a USING (VALUES (CAST(? AS VARCHAR(64)))) AS n(email_index)"
            + " ON a.email_index = n.email_index WHEN NOT MATCHED THEN INSERT (email_index) VALUES (n.email_index)";

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSettings settings;

    /** Readers' mail is written in the site's language (a subscription outlives the page it was asked on). */
    @Inject
    ReaderTexts texts;

    @Inject
    Outbox outbox;

    @Inject
    MailLinks links;

    /** From {@link MailTriggers}, in the writer's transaction, only while mail is on. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onWritten(CommentWritten written) {
        Comment comment = written.comment();
        Instant now = Instant.now();
        if (written.from() == null && written.followUp() != FollowUp.NONE && comment.getEmailIndex() != null
                && comment.getEmailCiphertext() != null && comment.getStatus() != CommentStatus.SPAM) {
            subscribe(comment, written.followUp(), now);
        }
        if (comment.getStatus() == CommentStatus.APPROVED && written.from() != CommentStatus.APPROVED) {
            notifySubscribers(comment, now);
            if (written.from() != null) {
                tellAuthorApproved(comment, now);
            }
        }
    }

    /**
     * The subscription, and a confirmation mail unless the address is confirmed or had one within the
     * hour. The reader's answer is the same whichever happened (the door's 303 does not wait for this).
     */
    private void subscribe(Comment comment, FollowUp scope, Instant now) {
        MailSubscription subscription = new MailSubscription(comment.getArticle().getId(), comment.getId(), comment.getEmailIndex(), scope, now);
        em.persist(subscription);
        em.flush();
        em.createNativeQuery(ENSURE_ADDRESS).setParameter(1, comment.getEmailIndex()).executeUpdate();
        // the row lock makes "one confirmation an hour" hold for posts arriving at the same moment, on any node
        Object[] address = (Object[]) em.createNativeQuery("SELECT CASE WHEN confirmed_at IS NULL THEN 0 ELSE 1 END,"
                        + " CASE WHEN confirmation_sent_at IS NULL OR confirmation_sent_at < ? THEN 1 ELSE 0 END"
                        + " FROM mail_addresses WHERE email_index = ? FOR UPDATE")
                .setParameter(1, Timestamp.from(now.minus(CONFIRMATION_INTERVAL)))
                .setParameter(2, comment.getEmailIndex())
                .getSingleResult();
        boolean confirmed = ((Number) address[0]).intValue() == 1;
        boolean mayAsk = ((Number) address[1]).intValue() == 1;
        if (confirmed || !mayAsk) {
            return;
        }
        em.createNativeQuery("UPDATE mail_addresses SET confirmation_sent_at = ? WHERE email_index = ?")
                .setParameter(1, Timestamp.from(now)).setParameter(2, comment.getEmailIndex()).executeUpdate();
        String site = settings.siteName();
        String title = comment.getArticle().getTitle();
        Locale locale = texts.siteLocale();
        MailText.Bodies bodies = MailText.confirm(locale, site, title, links.confirmUrl(subscription.getId(), now));
        outbox.queue(new MailMessage(MailKind.CONFIRM, comment.getEmailCiphertext(), comment.getEmailIndex(),
                MailText.confirmSubject(locale, site), bodies.text(), bodies.html(), null, null, comment.getId()), now);
    }

    /** One subscriber of the article, by address, with the subscription their links name. */
    private record Subscriber(long subscriptionId, String emailIndex, String ciphertext, boolean replyToTheirs) {}

    /**
     * Every confirmed subscriber of the article (the whole thread, or replies to their comment) except the
     * comment's own author, once per address and per comment, within the daily limit. Subscribers whose
     * own comment went to spam or trash get nothing.
     */
    private void notifySubscribers(Comment comment, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, sc.email_index, sc.email_ciphertext, s.comment_id FROM mail_subscriptions s"
                        + " JOIN mail_addresses a ON a.email_index = s.email_index AND a.confirmed_at IS NOT NULL"
                        + " JOIN comments sc ON sc.id = s.comment_id"
                        + " WHERE s.article_id = ? AND sc.email_ciphertext IS NOT NULL AND sc.email_index IS NOT NULL AND sc.status IN ('APPROVED', 'PENDING')"
                        + " AND (s.scope = 'THREAD' OR (s.scope = 'REPLIES' AND s.comment_id = ?)) ORDER BY s.id")
                .setParameter(1, comment.getArticle().getId())
                .setParameter(2, comment.getParentId() == null ? -1L : comment.getParentId())
                .getResultList();
        Map<String, Subscriber> byAddress = new LinkedHashMap<>();
        for (Object[] row : rows) {
            // the subscriber's comment's index, not the subscription's: a key rotation re-keys the comment,
            // so this is the one to compare with the new comment's (never to the author, once per address)
            String index = (String) row[1];
            if (index.equals(comment.getEmailIndex())) {
                continue;
            }
            // a reply to their own comment is told as such, whichever box they ticked
            boolean replyToTheirs = comment.getParentId() != null && comment.getParentId() == ((Number) row[3]).longValue();
            Subscriber subscriber = new Subscriber(((Number) row[0]).longValue(), index, (String) row[2], replyToTheirs);
            byAddress.merge(index, subscriber, (first, other) -> other.replyToTheirs() && !first.replyToTheirs() ? other : first);
        }
        if (byAddress.isEmpty()) {
            return;
        }
        String site = settings.siteName();
        Article article = comment.getArticle();
        Locale locale = texts.siteLocale();
        String author = comment.getAuthorName() == null ? MailText.Words.in(locale).text("mail.anonymous") : comment.getAuthorName();
        for (Subscriber subscriber : byAddress.values()) {
            if (outbox.notificationsSince(subscriber.emailIndex(), now.minus(Duration.ofDays(1))) >= settings.dailyLimit()) {
                continue;
            }
            MailText.Bodies bodies = MailText.notify(locale, site, article.getTitle(), author, comment.getBody(), commentUrl(comment),
                    subscriber.replyToTheirs(), links.leaveThreadUrl(subscriber.subscriptionId()), links.leaveAllUrl(subscriber.emailIndex()));
            outbox.queue(new MailMessage(MailKind.NOTIFY, subscriber.ciphertext(), subscriber.emailIndex(),
                    MailText.notifySubject(locale, site, article.getTitle(), subscriber.replyToTheirs()), bodies.text(), bodies.html(),
                    links.leaveThreadUrl(subscriber.subscriptionId()), "NOTIFY:" + comment.getId() + ":" + subscriber.emailIndex(),
                    comment.getId()), now);
        }
    }

    /** The author of a held comment that was approved, when they subscribed with it and confirmed their address. */
    private void tellAuthorApproved(Comment comment, Instant now) {
        if (comment.getEmailIndex() == null || comment.getEmailCiphertext() == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Number> subscriptions = em.createNativeQuery("SELECT s.id FROM mail_subscriptions s"
                        + " JOIN mail_addresses a ON a.email_index = s.email_index AND a.confirmed_at IS NOT NULL"
                        + " WHERE s.comment_id = ? ORDER BY s.id")
                .setParameter(1, comment.getId()).getResultList();
        if (subscriptions.isEmpty()) {
            return;
        }
        long subscriptionId = subscriptions.get(0).longValue();
        String site = settings.siteName();
        String title = comment.getArticle().getTitle();
        Locale locale = texts.siteLocale();
        MailText.Bodies bodies = MailText.approved(locale, site, title, commentUrl(comment), links.leaveThreadUrl(subscriptionId),
                links.leaveAllUrl(comment.getEmailIndex()));
        outbox.queue(new MailMessage(MailKind.APPROVED, comment.getEmailCiphertext(), comment.getEmailIndex(),
                MailText.approvedSubject(locale, site, title), bodies.text(), bodies.html(), links.leaveThreadUrl(subscriptionId),
                "APPROVED:" + comment.getId(), comment.getId()), now);
    }

    /** Where a comment is read: the article page here, or the page of another site that embeds its thread. */
    String commentUrl(Comment comment) {
        Article article = comment.getArticle();
        String anchor = "#comment-" + comment.getId();
        if (article.getSiteId() != null && article.getPageKey() != null && article.getPageKey().startsWith("url:")) {
            return article.getPageKey().substring(4) + anchor;
        }
        return settings.siteUrl() + "/articles/" + article.getSlug() + "?comment=" + comment.getId() + anchor;
    }

    /** The article a subscription is about, for the page that asks before doing anything. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<String> titleOf(long subscriptionId) {
        return em.createQuery("SELECT a.title FROM MailSubscription s, Article a WHERE s.id = :id AND a.id = s.articleId", String.class)
                .setParameter("id", subscriptionId).getResultStream().findFirst();
    }

    /** The double opt-in's second step: the subscription's address is confirmed, for all its subscriptions. */
    public Optional<String> confirm(long subscriptionId, Instant now) {
        Optional<MailSubscription> subscription = Optional.ofNullable(em.find(MailSubscription.class, subscriptionId));
        subscription.ifPresent(s -> em.createNativeQuery("UPDATE mail_addresses SET confirmed_at = ? WHERE email_index = ? AND confirmed_at IS NULL")
                .setParameter(1, Timestamp.from(now)).setParameter(2, s.getEmailIndex()).executeUpdate());
        return subscription.flatMap(s -> titleOf(s.getId()));
    }

    /** Leaves the subscription's article (every subscription of that address there); the title, when there was one. */
    public Optional<String> leaveThread(long subscriptionId) {
        Optional<MailSubscription> subscription = Optional.ofNullable(em.find(MailSubscription.class, subscriptionId));
        Optional<String> title = subscription.flatMap(s -> titleOf(s.getId()));
        subscription.ifPresent(s -> em.createQuery("DELETE FROM MailSubscription m WHERE m.articleId = :article AND m.emailIndex = :index")
                .setParameter("article", s.getArticleId()).setParameter("index", s.getEmailIndex()).executeUpdate());
        return title;
    }

    /** The blind index a subscription was made with (for "stop all mail" on a thread's link). */
    public Optional<String> indexOf(long subscriptionId) {
        return Optional.ofNullable(em.find(MailSubscription.class, subscriptionId)).map(MailSubscription::getEmailIndex);
    }

    /** Leaves everything, and forgets the confirmation: subscribing again asks again. */
    public void leaveAll(String emailIndex) {
        em.createQuery("DELETE FROM MailSubscription m WHERE m.emailIndex = :index").setParameter("index", emailIndex).executeUpdate();
        em.createNativeQuery("UPDATE mail_addresses SET confirmed_at = NULL WHERE email_index = ?").setParameter(1, emailIndex).executeUpdate();
    }
}
