package org.moderato.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The site rules as last read, kept until a save announces {@link RulesChanged}. A generation
 * counter makes sure a read that raced with a save is not kept as current.
 */
@ApplicationScoped
public class KeptRules {

    private final AtomicLong generation = new AtomicLong();
    private volatile Kept kept;

    private record Kept(long generation, RuleSettings settings) {}

    RuleSettings current(Supplier<RuleSettings> read) {
        Kept k = kept;
        long now = generation.get();
        if (k != null && k.generation() == now) {
            return k.settings();
        }
        RuleSettings settings = read.get();
        kept = new Kept(now, settings);
        return settings;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) RulesChanged change) {
        generation.incrementAndGet();
    }
}
