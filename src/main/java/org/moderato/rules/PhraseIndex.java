package org.moderato.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The phrases of a key list as a tree of words, so that a comment is matched in one pass over its
 * words however long the list is: each word is a hash lookup, plus one walk along its letters through
 * the {@code casino*} and {@code *coin} entries there (a tree of characters: looking up every prefix
 * length with a substring cost 26 ms for 65 KB of 200-letter words against 199 lengths), and only the
 * few entries with a {@code *} inside a word are tried one by one. A phrase has at most
 * {@link #MAX_PHRASE_WORDS} words, which bounds how far one start can walk.
 */
final class PhraseIndex {

    static final int MAX_PHRASE_WORDS = 10;

    private final Node root = new Node();

    /** Adds entry number {@code entry}, whose words are {@code words} ({@code *} kept). */
    void add(int entry, List<String> words) {
        Node node = root;
        for (String word : words) {
            node = node.child(word);
        }
        node.entries = node.entries == null ? new int[] {entry} : appended(node.entries, entry);
    }

    private static int[] appended(int[] entries, int entry) {
        int[] more = Arrays.copyOf(entries, entries.length + 1);
        more[entries.length] = entry;
        return more;
    }

    /** Whether a word of an entry is tried one by one: a {@code *} inside it, or more than one. */
    static boolean isTriedOneByOne(String word) {
        int first = word.indexOf('*');
        if (first < 0) {
            return false;
        }
        boolean more = word.indexOf('*', first + 1) >= 0;
        return more || (first != 0 && first != word.length() - 1);
    }

    /** The entries whose phrase occurs somewhere in {@code words}. */
    BitSet matches(List<String> words) {
        BitSet found = new BitSet();
        for (int start = 0; start < words.size(); start++) {
            walk(root, words, start, found);
        }
        return found;
    }

    private static void walk(Node node, List<String> words, int at, BitSet found) {
        if (at >= words.size()) {
            return;
        }
        for (Node next : node.next(words.get(at))) {
            if (next.entries != null) {
                for (int entry : next.entries) {
                    found.set(entry);
                }
            }
            walk(next, words, at + 1, found);
        }
    }

    /** One word of a phrase; most nodes of a long list have one kind of child or none, so each part is made when first needed. */
    private static final class Node {
        /** The entries whose phrase ends here: almost always one (a bit set per node took 1 kB of a 10,000-entry list's node). */
        int[] entries;
        Map<String, Node> exact;
        Affixes prefixes;
        Affixes suffixes;
        List<Map.Entry<String[], Node>> general;

        Node child(String pattern) {
            int star = pattern.indexOf('*');
            if (star < 0) {
                if (exact == null) {
                    exact = new HashMap<>();
                }
                return exact.computeIfAbsent(pattern, p -> new Node());
            }
            if (!isTriedOneByOne(pattern) && star == pattern.length() - 1) {
                if (prefixes == null) {
                    prefixes = new Affixes(false);
                }
                return prefixes.add(pattern.substring(0, star));
            }
            if (!isTriedOneByOne(pattern)) {
                if (suffixes == null) {
                    suffixes = new Affixes(true);
                }
                return suffixes.add(pattern.substring(1));
            }
            Node node = new Node();
            if (general == null) {
                general = new ArrayList<>();
            }
            general.add(Map.entry(pattern.split("\\*", -1), node));
            return node;
        }

        List<Node> next(String word) {
            List<Node> next = new ArrayList<>(2);
            Node same = exact == null ? null : exact.get(word);
            if (same != null) {
                next.add(same);
            }
            if (prefixes != null) {
                prefixes.collect(word, next);
            }
            if (suffixes != null) {
                suffixes.collect(word, next);
            }
            if (general != null) {
                for (Map.Entry<String[], Node> pattern : general) {
                    if (globMatches(pattern.getKey(), word)) {
                        next.add(pattern.getValue());
                    }
                }
            }
            return next;
        }
    }

    /**
     * The prefixes (or the suffixes, read from the end) of one node's entries as a tree of characters:
     * every one a word starts (or ends) with is found in one walk along the word, shortest first.
     */
    private static final class Affixes {
        private final boolean fromTheEnd;
        private Map<Character, Affixes> next;
        private Node node;

        Affixes(boolean fromTheEnd) {
            this.fromTheEnd = fromTheEnd;
        }

        Node add(String affix) {
            Affixes at = this;
            for (int i = 0; i < affix.length(); i++) {
                if (at.next == null) {
                    at.next = new HashMap<>(4);
                }
                at = at.next.computeIfAbsent(charAt(affix, i), c -> new Affixes(fromTheEnd));
            }
            if (at.node == null) {
                at.node = new Node();
            }
            return at.node;
        }

        void collect(String word, List<Node> into) {
            Affixes at = this;
            for (int i = 0; at != null; i++) {
                if (at.node != null) {
                    into.add(at.node);
                }
                at = i < word.length() && at.next != null ? at.next.get(charAt(word, i)) : null;
            }
        }

        private char charAt(String text, int i) {
            return text.charAt(fromTheEnd ? text.length() - 1 - i : i);
        }
    }

    /** {@code parts} are the literals between the stars: the first starts the word, the last ends it, the rest occur in order. */
    static boolean globMatches(String[] parts, String word) {
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (word.length() < first.length() + last.length() || !word.startsWith(first) || !word.endsWith(last)) {
            return false;
        }
        int at = first.length();
        int end = word.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = word.indexOf(parts[i], at);
            if (found < 0 || found + parts[i].length() > end) {
                return false;
            }
            at = found + parts[i].length();
        }
        return true;
    }
}
