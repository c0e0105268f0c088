package org.moderato.webhook;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.moderato.comment.Comment;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.CommentWritten;
import org.moderato.platform.AddressScrub;
import org.moderato.platform.MailSettings;
import org.moderato.report.CommentReported;

/**
 * Turns the write path's and the reports' in-transaction events into deliveries (so a delivery exists
 * exactly when its change commits), and wakes the sender after commit. A plain CDI bean: an EJB's
 * after-success observer fails in the finished transaction.
 */
@ApplicationScoped
public class WebhookTriggers {

    @Inject
    WebhookOutbox outbox;

    @Inject
    MailSettings site;

    @Inject
    WebhookSender sender;

    @Resource
    ManagedExecutorService executor;

    @PersistenceContext
    EntityManager em;

    void onWritten(@Observes CommentWritten written) {
        Comment comment = written.comment();
        CommentStatus to = comment.getStatus();
        if (written.from() == to) {
            return;
        }
        WebhookEvent event = to == CommentStatus.PENDING ? WebhookEvent.HELD : to == CommentStatus.APPROVED ? WebhookEvent.APPROVED : null;
        if (event != null) {
            outbox.queue(event, () -> payload(event, comment, null).build().toString(), Instant.now());
        }
    }

    void onReported(@Observes CommentReported reported) {
        outbox.queue(WebhookEvent.REPORTED, () -> payload(WebhookEvent.REPORTED, em.find(Comment.class, reported.commentId()),
                Json.createObjectBuilder().add("reason", reported.reason()).add("openReports", reported.openReports())).build().toString(),
                Instant.now());
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryQueued queued) {
        executor.execute(sender::drain);
    }

    /** What every delivery says about its comment: never an email or IP address. */
    JsonObjectBuilder payload(WebhookEvent event, Comment comment, JsonObjectBuilder extra) {
        String base = site.siteUrl();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("event", event.key())
                .add("occurredAt", Instant.now().toString())
                .add("comment", Json.createObjectBuilder()
                        .add("id", comment.getId())
                        .add("status", comment.getStatus().name().toLowerCase(java.util.Locale.ROOT))
                        .add("author", comment.getAuthorName())
                        .add("text", comment.getBody())
                        .add("reasons", comment.getModerationReasons() == null ? "" : AddressScrub.withoutAddresses(comment.getModerationReasons()))
                        .add("createdAt", comment.getCreatedAt().toString())
                        .add("url", base + "/articles/" + comment.getArticle().getSlug() + "?comment=" + comment.getId())
                        .add("moderationUrl", base + "/moderation-comment?id=" + comment.getId())
                        .add("article", Json.createObjectBuilder()
                                .add("id", comment.getArticle().getId())
                                .add("title", comment.getArticle().getTitle())));
        if (comment.getParentId() != null) {
            json.add("parentId", comment.getParentId());
        }
        if (extra != null) {
            json.add("report", extra);
        }
        return json;
    }
}
