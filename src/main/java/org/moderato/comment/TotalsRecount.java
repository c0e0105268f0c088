package org.moderato.comment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Recounts the comment totals at start-up and every ten minutes, so a drift never outlives a few minutes. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class TotalsRecount {

    @Inject
    CommentTotals totals;

    @PostConstruct
    void atStartUp() {
        totals.recount();
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void everyTenMinutes() {
        totals.recount();
    }
}
