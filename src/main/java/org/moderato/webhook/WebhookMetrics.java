package org.moderato.webhook;

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
 * {@code moderato_webhook_outbox{state="queued"}} (waiting or being delivered, retries included) and
 * {@code {state="failed"}} (given up on) in {@code /metrics}.
 */
@ApplicationScoped
public class WebhookMetrics {

    @Inject
    MetricRegistry registry;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        OutboxGauge.register(registry, dataSource, "moderato.webhook.outbox", "Webhook deliveries in the outbox, by state",
                "webhook_deliveries",
                Map.of("queued", List.of(WebhookDelivery.State.QUEUED.name(), WebhookDelivery.State.SENDING.name()),
                        "failed", List.of(WebhookDelivery.State.FAILED.name())));
    }
}
