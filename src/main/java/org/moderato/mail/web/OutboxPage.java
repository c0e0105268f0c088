package org.moderato.mail.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.moderato.mail.OutboxMail;
import org.moderato.mail.OutboxRow;
import org.moderato.mail.OutboxView;
import org.omnifaces.util.Faces;

/** {@code /admin/mail}: the outbox, newest first, 100 a page by key ({@code ?before=ID}); counts per state. */
@Named
@RequestScoped
public class OutboxPage {

    static final int SHOWN = 100;

    @Inject
    OutboxView outbox;

    private Map<OutboxMail.State, Long> counts;
    private long failing;
    private List<OutboxRow> rows;

    @PostConstruct
    void load() {
        String before = Faces.getRequestParameter("before");
        long cursor = before != null && before.matches("[1-9]\\d{0,17}") ? Long.parseLong(before) : 0;
        counts = outbox.counts();
        failing = outbox.failing();
        rows = outbox.latest(cursor, SHOWN);
    }

    public long count(String state) {
        return counts.get(OutboxMail.State.valueOf(state));
    }

    public long getFailing() { return failing; }
    public List<OutboxRow> getRows() { return rows; }

    /** The cursor of the next (older) page, or 0 when this page is the last. */
    public long getOlderThan() {
        return rows.size() == SHOWN ? rows.get(rows.size() - 1).id() : 0;
    }
}
