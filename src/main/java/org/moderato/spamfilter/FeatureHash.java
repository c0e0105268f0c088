package org.moderato.spamfilter;

/**
 * Features are stored as 32-bit hashes (FNV-1a over the UTF-16 text), which keeps a large model
 * small. With a million distinct features about a hundred pairs collide; a collision merges two
 * rare words' counts, which moves a score a little and never breaks anything.
 */
public final class FeatureHash {

    private FeatureHash() {}

    public static int of(String feature) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < feature.length(); i++) {
            hash ^= feature.charAt(i);
            hash *= 0x01000193;
        }
        return hash;
    }
}
