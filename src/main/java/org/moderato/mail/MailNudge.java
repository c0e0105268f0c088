package org.moderato.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Wakes the sender once a transaction that queued mail has committed, so a message goes out at once
 * rather than at the sender's next five-second round. A plain CDI bean: an after-success observer
 * on an EJB runs in the finished transaction's completion and fails there ("Invalid transaction passed
 * to resume()", as the server logs show for {@code CommentTotals}).
 */
@ApplicationScoped
public class MailNudge {

    @Inject
    MailSender sender;

    @Resource
    ManagedExecutorService executor;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        executor.execute(sender::drain);
    }
}
