package org.moderato.comment;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The comment core's application metrics in Payara's MicroProfile Metrics ({@code /metrics}, Prometheus
 * text): {@code moderato_comments_submitted_total{outcome=approved|held|spam|refused}} counts readers'
 * submissions (form and API; not staff replies or imports), a stored one only once its transaction has
 * committed; {@code moderato_queue_pending} is the pending tab's count, from {@link CommentTotals}.
 */
@ApplicationScoped
public class CommentMetrics {

    static final String SUBMITTED = "moderato.comments.submitted";
    static final String QUEUE_PENDING = "moderato.queue.pending";

    @Inject
    MetricRegistry registry;

    @Inject
    CommentTotals totals;

    @Resource
    TransactionSynchronizationRegistry transactions;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName(QUEUE_PENDING).withDescription("Comments waiting in the moderation queue").build(),
                totals, t -> t.current().getOrDefault(CommentStatus.PENDING, 0L));
        for (String outcome : new String[] {"approved", "held", "spam", "refused"}) {
            submitted(outcome);
        }
    }

    /** A submission stored with {@code status}: counted when (and only if) the caller's transaction commits. */
    void storedOnCommit(CommentStatus status) {
        String outcome = switch (status) {
            case APPROVED -> "approved";
            case SPAM -> "spam";
            default -> "held";
        };
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int result) {
                if (result == Status.STATUS_COMMITTED) {
                    submitted(outcome).inc();
                }
            }
        });
    }

    /** A submission refused by a check or by its fields: nothing was stored. */
    void refused() {
        submitted("refused").inc();
    }

    private org.eclipse.microprofile.metrics.Counter submitted(String outcome) {
        return registry.counter(Metadata.builder().withName(SUBMITTED).withDescription("Comments submitted by readers, by outcome").build(),
                new Tag("outcome", outcome));
    }
}
