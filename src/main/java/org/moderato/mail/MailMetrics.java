package org.moderato.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.moderato.platform.DatabaseConfig;
import org.moderato.platform.OutboxGauge;

/**
 * {@code moderato_mail_outbox{state="queued"}} (waiting or being sent, retries included) and
 * {@code {state="failed"}} (given up on) in {@code /metrics}: a queue that only grows means the SMTP
 * server refuses or the sender stopped.
 */
@ApplicationScoped
public class MailMetrics {

    @Inject
    MetricRegistry registry;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        OutboxGauge.register(registry, dataSource, "moderato.mail.outbox", "Messages in the mail outbox, by state", "mail_outbox",
                Map.of("queued", List.of(OutboxMail.State.QUEUED.name(), OutboxMail.State.SENDING.name()),
                        "failed", List.of(OutboxMail.State.FAILED.name())));
    }
}
