package org.moderato.platform;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A map bounded by the bytes its values take rather than by their number: pages differ a hundredfold
 * in size, so a count says nothing about memory. When a new value passes the bound, the least recently
 * used ones go until it fits; a value larger than the whole bound is not kept at all. Thread-safe.
 */
public final class LruByteCache<K, V> {

    private final long maxBytes;
    private final ToLongFunction<V> sizeOf;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    public LruByteCache(long maxBytes, ToLongFunction<V> sizeOf) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the bound must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.sizeOf = sizeOf;
    }

    /** The value, which becomes the most recently used; null when absent. */
    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        long size = sizeOf.applyAsLong(value);
        V old = entries.remove(key);
        if (old != null) {
            bytes -= sizeOf.applyAsLong(old);
        }
        if (size > maxBytes) {
            return;
        }
        entries.put(key, value);
        bytes += size;
        Iterator<Map.Entry<K, V>> oldestFirst = entries.entrySet().iterator();
        while (bytes > maxBytes) {
            bytes -= sizeOf.applyAsLong(oldestFirst.next().getValue());
            oldestFirst.remove();
        }
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized int size() {
        return entries.size();
    }
}
