package org.moderato.spamfilter;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The counts the filter has learnt: how many good and spam comments it was trained on, and for each
 * feature (by its {@link FeatureHash}) in how many of each it appeared. An open-addressing table of
 * three int arrays (12 bytes a slot, at most 3/4 full) instead of a map of boxed values, so a model
 * with a million features is about 16 MB and one with 200,000 about 3 MB. Classifying takes the
 * read lock; training on one comment the write lock, for a few microseconds.
 */
public final class SpamModel {

    /** The counts of one feature. */
    public record Counts(int spam, int good) {}

    /** The filter judges nothing until it has learnt from this many comments of each kind. */
    public static final int LEARN_BEFORE_JUDGING = 30;
    /**
     * Below this many of each kind it only holds, never files as spam: trained on 100 to 200 of each,
     * the benchmark filed 0.8-1% of legitimate messages as spam; on 500 of each, 0.14%.
     */
    public static final int LEARN_BEFORE_FILING = 500;

    private static final int EMPTY = 0;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private int[] keys;
    private int[] spam;
    private int[] good;
    private int size;
    private int spamMessages;
    private int goodMessages;

    public SpamModel() {
        allocate(1024);
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        spam = new int[capacity];
        good = new int[capacity];
        size = 0;
    }

    public int spamMessages() {
        return read(m -> m.spamMessages);
    }

    public int goodMessages() {
        return read(m -> m.goodMessages);
    }

    public boolean hasLearntEnough() {
        return read(m -> m.spamMessages >= LEARN_BEFORE_JUDGING && m.goodMessages >= LEARN_BEFORE_JUDGING);
    }

    public boolean hasLearntEnoughToFile() {
        return read(m -> m.spamMessages >= LEARN_BEFORE_FILING && m.goodMessages >= LEARN_BEFORE_FILING);
    }

    /** How many distinct features have counts. */
    public int features() {
        return read(m -> m.size);
    }

    /** Bytes the table takes in memory. */
    public long bytes() {
        return read(m -> 12L * m.keys.length);
    }

    public Counts counts(String feature) {
        return counts(FeatureHash.of(feature));
    }

    public Counts counts(int hash) {
        lock.readLock().lock();
        try {
            int slot = find(slotKey(hash));
            return keys[slot] == EMPTY ? new Counts(0, 0) : new Counts(spam[slot], good[slot]);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Reads the model under one lock: every score sees one consistent state. */
    public <T> T read(java.util.function.Function<SpamModel, T> reading) {
        lock.readLock().lock();
        try {
            return reading.apply(this);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Learns ({@code delta} 1) or unlearns ({@code delta} -1) one comment's features; counts never go below 0. */
    public void train(int[] hashes, Label label, int delta) {
        lock.writeLock().lock();
        try {
            if (label == Label.SPAM) {
                spamMessages = Math.max(0, spamMessages + delta);
            } else {
                goodMessages = Math.max(0, goodMessages + delta);
            }
            for (int hash : hashes) {
                add(hash, label == Label.SPAM ? delta : 0, label == Label.GOOD ? delta : 0);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Sets the counts of one feature as loaded from the database (features with no counts are skipped). */
    public void put(int hash, int spamCount, int goodCount) {
        lock.writeLock().lock();
        try {
            add(hash, spamCount, goodCount);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void setMessages(int spamCount, int goodCount) {
        lock.writeLock().lock();
        try {
            spamMessages = spamCount;
            goodMessages = goodCount;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Every feature's counts, for saving a model built from scratch. */
    public void forEach(FeatureVisitor visitor) {
        lock.readLock().lock();
        try {
            for (int slot = 0; slot < keys.length; slot++) {
                if (keys[slot] != EMPTY && (spam[slot] > 0 || good[slot] > 0)) {
                    visitor.visit(keys[slot], spam[slot], good[slot]);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    public interface FeatureVisitor {
        void visit(int hash, int spamCount, int goodCount);
    }

    private void add(int hash, int spamDelta, int goodDelta) {
        int key = slotKey(hash);
        int slot = find(key);
        if (keys[slot] == EMPTY) {
            if (spamDelta <= 0 && goodDelta <= 0) {
                return;
            }
            if (4 * (size + 1) > 3 * keys.length) {
                grow();
                slot = find(key);
            }
            keys[slot] = key;
            size++;
        }
        spam[slot] = Math.max(0, spam[slot] + spamDelta);
        good[slot] = Math.max(0, good[slot] + goodDelta);
    }

    /** 0 marks an empty slot, so a feature hashing to 0 is kept as 1. */
    private static int slotKey(int hash) {
        return hash == EMPTY ? 1 : hash;
    }

    private int find(int key) {
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldSpam = spam;
        int[] oldGood = good;
        allocate(oldKeys.length * 2);
        for (int slot = 0; slot < oldKeys.length; slot++) {
            if (oldKeys[slot] != EMPTY) {
                int to = find(oldKeys[slot]);
                keys[to] = oldKeys[slot];
                spam[to] = oldSpam[slot];
                good[to] = oldGood[slot];
                size++;
            }
        }
    }
}
