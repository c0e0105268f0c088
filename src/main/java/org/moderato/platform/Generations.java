package org.moderato.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A counter per key (an article's id) that each change of what the key names moves: what was read or
 * rendered under an older count is out of date. A copy is made by recording the count first, reading,
 * then keeping the result only if the count has not moved ({@link #ifStill}), so a change that came
 * while it was read always wins. Thread-safe.
 */
public final class Generations {

    private final Map<Long, AtomicLong> counters = new ConcurrentHashMap<>();

    /** The key's count now. */
    public long of(long key) {
        return counter(key).get();
    }

    /** Moves the key's count on. */
    public void advance(long key) {
        advance(key, was -> { });
    }

    /**
     * Moves the key's count on and, before any {@link #ifStill} of the key can run, hands the count it
     * had to {@code then} (to bring a copy that was current until now up to date).
     */
    public void advance(long key, LongConsumer then) {
        AtomicLong counter = counter(key);
        synchronized (counter) {
            then.accept(counter.getAndIncrement());
        }
    }

    /** Runs {@code keep} only while the key's count is still {@code generation}; whether it ran. */
    public boolean ifStill(long key, long generation, Runnable keep) {
        AtomicLong counter = counter(key);
        synchronized (counter) {
            if (counter.get() != generation) {
                return false;
            }
            keep.run();
            return true;
        }
    }

    private AtomicLong counter(long key) {
        return counters.computeIfAbsent(key, id -> new AtomicLong());
    }
}
