package org.moderato.comment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.moderato.platform.JobLease;

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

    @Inject
    JobLease lease;

    /** Once per cluster (the node that takes the lease); at start-up every node recounts, as it starts alone. */
    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void everyTenMinutes() {
        if (lease.take("totals-recount", Duration.ofMinutes(8))) {
            totals.recount();
        }
    }
}
