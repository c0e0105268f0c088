package org.moderato.spamfilter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the filter sees of a comment: its words, the hosts its links point to, the words of the
 * author's name and the host of their website, and how many links it has. Never the email address
 * or the IP. Each feature counts once per comment (as in SpamBayes and bogofilter); one linear pass
 * with no pattern, so any text costs time in proportion to its length, and at most
 * {@link #MAX_FEATURES} come out.
 */
public final class Features {

    public static final int MAX_FEATURES = 1000;
    static final int MIN_WORD = 3;
    static final int MAX_WORD = 20;

    static final String LINK = "link:";
    static final String SITE = "site:";
    static final String NAME = "name:";
    static final String LINKS = "links:";
    static final String LONG_WORD = "long-word";

    private Features() {}

    /** The features of a comment, in order of first appearance; any argument may be null. */
    public static List<String> of(String author, String website, String text) {
        Set<String> features = new LinkedHashSet<>();
        if (author != null) {
            words(author, 2, feature -> features.add(NAME + feature));
        }
        if (website != null && !website.isBlank()) {
            String host = hostAt(website, schemeEnd(website, 0));
            if (!host.isEmpty()) {
                features.add(SITE + host);
            }
        }
        if (text != null) {
            int links = textFeatures(text, features);
            features.add(LINKS + (links >= 2 ? "2+" : Integer.toString(links)));
        }
        return features.stream().limit(MAX_FEATURES).toList();
    }

    private interface Sink {
        void accept(String feature);
    }

    /** Words outside HTML tags, link hosts inside or outside them; returns the number of links. */
    private static int textFeatures(String text, Set<String> features) {
        int links = 0;
        boolean inTag = false;
        int i = 0;
        int n = text.length();
        while (i < n && features.size() < MAX_FEATURES) {
            int urlStart = urlStart(text, i);
            if (urlStart >= 0) {
                String host = hostAt(text, urlStart);
                if (!host.isEmpty()) {
                    features.add(LINK + host);
                    links++;
                }
                i = urlEnd(text, urlStart);
                continue;
            }
            char c = text.charAt(i);
            if (c == '<' && i + 1 < n && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '/')) {
                inTag = true;
                i++;
            } else if (c == '>') {
                inTag = false;
                i++;
            } else if (Character.isLetterOrDigit(text.codePointAt(i))) {
                int end = wordEnd(text, i);
                if (!inTag) {
                    addWord(text.substring(i, end), MIN_WORD, features::add);
                }
                i = end;
            } else {
                i++;
            }
        }
        return links;
    }

    private static void words(String text, int minLength, Sink sink) {
        int i = 0;
        while (i < text.length()) {
            if (Character.isLetterOrDigit(text.codePointAt(i))) {
                int end = wordEnd(text, i);
                addWord(text.substring(i, end), minLength, sink);
                i = end;
            } else {
                i++;
            }
        }
    }

    private static void addWord(String word, int minLength, Sink sink) {
        int length = word.codePointCount(0, word.length());
        if (length > MAX_WORD) {
            sink.accept(LONG_WORD);
        } else if (length >= minLength) {
            sink.accept(word.toLowerCase(Locale.ROOT));
        }
    }

    private static int wordEnd(String text, int start) {
        int i = start;
        while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    /** Where the host of a URL starting at {@code i} begins ("http://", "https://" or "www."), or -1. */
    private static int urlStart(String text, int i) {
        if (startsWith(text, i, "http://")) {
            return i + 7;
        }
        if (startsWith(text, i, "https://")) {
            return i + 8;
        }
        if (startsWith(text, i, "www.") && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
            return i;
        }
        return -1;
    }

    private static int schemeEnd(String url, int i) {
        int start = urlStart(url, i);
        return start >= 0 ? start : i;
    }

    private static boolean startsWith(String text, int i, String prefix) {
        return text.regionMatches(true, i, prefix, 0, prefix.length());
    }

    /** The host name, lower case, without "www." and a port; empty when there is none. */
    static String hostAt(String text, int start) {
        int end = start;
        while (end < text.length() && end - start < 253 && isHostChar(text.charAt(end))) {
            end++;
        }
        String host = text.substring(start, end).toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        return host.contains(".") ? host : "";
    }

    private static boolean isHostChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }

    private static int urlEnd(String text, int start) {
        int i = start;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "<>\"'".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** The feature as a moderator reads it in a reason: 'casino', link to x.example, website x.example. */
    public static String describe(String feature) {
        if (feature.startsWith(LINK)) {
            return "link to " + feature.substring(LINK.length());
        }
        if (feature.startsWith(SITE)) {
            return "website " + feature.substring(SITE.length());
        }
        if (feature.startsWith(NAME)) {
            return "name '" + feature.substring(NAME.length()) + "'";
        }
        if (feature.startsWith(LINKS)) {
            String count = feature.substring(LINKS.length());
            return count.equals("2+") ? "2 or more links" : count + (count.equals("1") ? " link" : " links");
        }
        if (feature.equals(LONG_WORD)) {
            return "a very long word";
        }
        return "'" + feature + "'";
    }
}
