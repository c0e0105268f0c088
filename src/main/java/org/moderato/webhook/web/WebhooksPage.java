package org.moderato.webhook.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.moderato.platform.PageActions;
import org.moderato.webhook.WebhookEvent;
import org.moderato.webhook.WebhookRefused;
import org.moderato.webhook.Webhooks;
import org.omnifaces.util.Messages;

/** {@code /admin/webhooks}: endpoints that hear of held, approved and reported comments; the secret shown once. */
@Named
@RequestScoped
public class WebhooksPage {

    @Inject
    Webhooks webhooks;

    private List<Webhooks.Row> rows;
    private String url;
    private boolean held;
    private boolean approved;
    private boolean reported;
    private String created;

    @PostConstruct
    void load() {
        rows = webhooks.list();
    }

    public void add() {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        if (held) {
            events.add(WebhookEvent.HELD);
        }
        if (approved) {
            events.add(WebhookEvent.APPROVED);
        }
        if (reported) {
            events.add(WebhookEvent.REPORTED);
        }
        run(() -> {
            created = webhooks.add(url, events).secret();
            Messages.addGlobalInfo("Webhook added. Copy its secret now: it is not shown again.");
            url = null;
        });
    }

    public void remove(Webhooks.Row row) {
        run(() -> {
            webhooks.remove(row.id());
            Messages.addGlobalInfo("Webhook {0} removed.", row.url());
        });
    }

    private void run(Runnable action) {
        PageActions.run(action, WebhookRefused.class, "Only admins can manage webhooks.");
        rows = webhooks.list();
    }

    public List<WebhookEvent> getEvents() { return Arrays.asList(WebhookEvent.values()); }
    public List<Webhooks.Row> getRows() { return rows; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public boolean isHeld() { return held; }
    public void setHeld(boolean held) { this.held = held; }
    public boolean isApproved() { return approved; }
    public void setApproved(boolean approved) { this.approved = approved; }
    public boolean isReported() { return reported; }
    public void setReported(boolean reported) { this.reported = reported; }
    public String getCreated() { return created; }
}
