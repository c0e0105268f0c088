package org.moderato.mail;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.moderato.comment.Comment;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.CommentWritten;
import org.moderato.platform.MailSettings;
import org.moderato.report.CommentReported;

/**
 * Staff mail about held comments: at once (queued in the transaction that held the comment, see
 * {@link Subscriptions} for why), or as a digest every N minutes. Neither carries the commenter's
 * address, not even masked: the reason and the excerpt have anything address-like blanked.
 */
@Stateless
public class StaffAlerts {

    static final int DIGEST_LINES = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSettings settings;

    @Inject
    Outbox outbox;

    /** From {@link MailTriggers}, in the writer's transaction, only while mail is on. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onWritten(CommentWritten written) {
        Comment comment = written.comment();
        if (written.from() != null || comment.getStatus() != CommentStatus.PENDING) {
            return;
        }
        List<String> recipients = atOnce();
        if (recipients.isEmpty()) {
            return;
        }
        String reason = em.createQuery("SELECT e.note FROM ModerationEvent e WHERE e.commentId = :id ORDER BY e.id", String.class)
                .setParameter("id", comment.getId()).setMaxResults(1).getResultStream().findFirst().orElse(null);
        String site = settings.siteName();
        String title = comment.getArticle().getTitle();
        MailText.Bodies bodies = MailText.held(site, title, comment.getAuthorName(), reason, comment.getBody(),
                reviewUrl(comment.getId()), settingsUrl());
        Instant now = Instant.now();
        for (String recipient : recipients) {
            outbox.queue(new MailMessage(MailKind.HELD, recipient, null, MailText.heldSubject(site, title), bodies.text(), bodies.html(),
                    null, null, comment.getId()), now);
        }
    }

    /** A reader reported a public comment: the staff who want held comments at once hear of it too, with the reason, never the reader. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onReported(@Observes CommentReported reported) {
        if (!settings.isOn()) {
            return;
        }
        List<String> recipients = atOnce();
        Comment comment = em.find(Comment.class, reported.commentId());
        if (recipients.isEmpty() || comment == null) {
            return;
        }
        String site = settings.siteName();
        String title = comment.getArticle().getTitle();
        MailText.Bodies bodies = MailText.reported(site, title, comment.getAuthorName(), reported.reason(), reported.openReports(),
                comment.getBody(), settings.siteUrl() + "/moderation-reported", settingsUrl());
        Instant now = Instant.now();
        for (String recipient : recipients) {
            outbox.queue(new MailMessage(MailKind.REPORTED, recipient, null, MailText.reportedSubject(site, title), bodies.text(), bodies.html(),
                    null, null, comment.getId()), now);
        }
    }

    private List<String> atOnce() {
        return em.createQuery("SELECT m.emailCiphertext FROM StaffMailSettings m, Account a"
                        + " WHERE a.id = m.accountId AND a.enabled = TRUE AND m.heldMail = :atOnce", String.class)
                .setParameter("atOnce", StaffMailSettings.HeldMail.AT_ONCE).getResultList();
    }

    /**
     * Queues the digests that are due: one per staff member whose N minutes have passed and for whom
     * comments were held since their last one. The digest's time is claimed with a conditional update
     * first, so two nodes running this at once send it once.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int queueDueDigests(Instant now) {
        if (!settings.isOn()) {
            return 0;
        }
        List<StaffMailSettings> due = em.createQuery("SELECT m FROM StaffMailSettings m, Account a WHERE a.id = m.accountId"
                        + " AND a.enabled = TRUE AND m.heldMail = :digest", StaffMailSettings.class)
                .setParameter("digest", StaffMailSettings.HeldMail.DIGEST).getResultList().stream()
                .filter(m -> !m.getLastDigestAt().plusSeconds(60L * m.getDigestMinutes()).isAfter(now)).toList();
        int queued = 0;
        for (StaffMailSettings staff : due) {
            Instant since = staff.getLastDigestAt();
            List<Object[]> held = em.createQuery("SELECT c.id, c.authorName, c.article.title FROM Comment c"
                            + " WHERE c.status = :pending AND c.createdAt > :since AND c.createdAt <= :now ORDER BY c.id", Object[].class)
                    .setParameter("pending", CommentStatus.PENDING).setParameter("since", since).setParameter("now", now)
                    .setMaxResults(DIGEST_LINES + 1).getResultList();
            if (held.isEmpty()) {
                continue;
            }
            int claimed = em.createQuery("UPDATE StaffMailSettings m SET m.lastDigestAt = :now WHERE m.accountId = :id AND m.lastDigestAt = :since")
                    .setParameter("now", now).setParameter("id", staff.getAccountId()).setParameter("since", since).executeUpdate();
            if (claimed != 1) {
                continue;
            }
            long total = em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.status = :pending AND c.createdAt > :since AND c.createdAt <= :now",
                            Long.class)
                    .setParameter("pending", CommentStatus.PENDING).setParameter("since", since).setParameter("now", now).getSingleResult();
            List<MailText.HeldLine> lines = held.stream().limit(DIGEST_LINES)
                    .map(row -> new MailText.HeldLine((String) row[2], (String) row[1], reasonOf((Long) row[0]), reviewUrl((Long) row[0])))
                    .toList();
            String site = settings.siteName();
            MailText.Bodies bodies = MailText.digest(site, lines, (int) Math.max(0, total - lines.size()),
                    settings.siteUrl() + "/moderation", settingsUrl());
            outbox.queue(new MailMessage(MailKind.DIGEST, staff.getEmailCiphertext(), null, MailText.digestSubject(site, (int) total),
                    bodies.text(), bodies.html(), null, null, null), now);
            queued++;
        }
        return queued;
    }

    private String reasonOf(long commentId) {
        return em.createQuery("SELECT e.note FROM ModerationEvent e WHERE e.commentId = :id ORDER BY e.id", String.class)
                .setParameter("id", commentId).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    private String reviewUrl(long commentId) {
        return settings.siteUrl() + "/moderation-comment?id=" + commentId;
    }

    private String settingsUrl() {
        return settings.siteUrl() + "/account/mail";
    }
}
