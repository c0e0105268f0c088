package org.moderato.platform;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts changes to what public pages show (articles and comments), in this server. Any insert,
 * update or delete through JPA moves the counter, so {@link PageCache} never serves a page older
 * than the last change made here. Registered as a JPA entity listener on those entities.
 */
public class ContentChanges {

    private static final AtomicLong VERSION = new AtomicLong();

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        VERSION.incrementAndGet();
    }

    /** For changes made with bulk statements or JDBC, which entity listeners do not see. */
    public static void recordBulkChange() {
        VERSION.incrementAndGet();
    }

    public static long version() {
        return VERSION.get();
    }
}
