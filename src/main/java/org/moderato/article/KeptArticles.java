package org.moderato.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The few fields of an article a comment needs (its id, whether readers can see it, whether comments
 * are open), kept in memory until an {@link ArticleChanged}, so posting a comment reads no article
 * row. Unknown slugs are not remembered: a crowd of made-up addresses cannot grow the map.
 */
@ApplicationScoped
public class KeptArticles {

    /** What posting needs of an article. */
    public record Facts(long id, String slug, boolean published, Instant publishedAt, boolean commentsOpen) {

        /** Published and its date has come: readers can see it and comment on it. */
        public boolean isVisibleAt(Instant now) {
            return published && publishedAt != null && !publishedAt.isAfter(now);
        }
    }

    @Inject
    ArticleService articles;

    private final Map<String, Facts> bySlug = new ConcurrentHashMap<>();
    private final Map<Long, Facts> byId = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public Optional<Facts> bySlug(String slug) {
        Facts known = bySlug.get(slug);
        return known != null ? Optional.of(known) : remember(generation.get(), articles.factsBySlug(slug));
    }

    public Optional<Facts> byId(long id) {
        Facts known = byId.get(id);
        return known != null ? Optional.of(known) : remember(generation.get(), articles.factsById(id));
    }

    /** Keeps what was read unless a change came while it was being read. */
    private Optional<Facts> remember(long readUnder, Optional<Facts> read) {
        read.ifPresent(facts -> {
            if (generation.get() == readUnder) {
                bySlug.put(facts.slug(), facts);
                byId.put(facts.id(), facts);
            }
        });
        return read;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        generation.incrementAndGet();
        bySlug.clear();
        byId.clear();
    }
}
