package org.moderato.rules;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A moderation or disallowed list, one entry per line: a word or phrase (whole words; {@code *}
 * widens on purpose), an IP address, a CIDR range, an email address, or {@code @domain}.
 * Empty lines are ignored; anything unreadable is reported with its line number.
 */
public final class KeyList {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** Lines longer than this are refused: an entry is a word, a phrase or an address. */
    public static final int MAX_LINE = 200;
    /** Entries with a {@code *} inside a word are tried one by one against every word, so there are few. */
    public static final int MAX_ONE_BY_ONE = 50;

    /** The few texts in use, parsed: a save checks its lists and the next comment matches against the same text. */
    private static final Map<String, Parsed> RECENT = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > 4;
        }
    };

    private final List<Entry> entries;
    private final PhraseIndex phrases = new PhraseIndex();

    private KeyList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (int i = 0; i < this.entries.size(); i++) {
            if (this.entries.get(i) instanceof Phrase p) {
                phrases.add(i, p.words());
            }
        }
    }

    /** The list of {@code text}, parsed once for the few texts in use (every comment is matched against them). */
    public static KeyList of(String text) {
        return parse(text).list();
    }

    /** The parsed list and the problems found, one message per bad line. */
    public record Parsed(KeyList list, List<String> problems) {}

    /** One line of the list (numbered from 1) and what it matches. */
    public sealed interface Entry {
        String text();

        int line();
    }

    record Phrase(String text, int line, List<String> words) implements Entry {}

    record Address(String text, int line, byte[] network, int prefixBits) implements Entry {}

    record Email(String text, int line, String address) implements Entry {}

    record Domain(String text, int line, String domain) implements Entry {}

    /** Where an entry matched: the field name as moderators know it ("website", "IP"). */
    public record Match(Entry entry, String field) {
        /**
         * The reason moderators read. An entry that matched the author's address is named by its line,
         * never quoted: it may be the address itself, which moderators only see masked.
         */
        public String describe(String kind) {
            if (entry instanceof Email || (entry instanceof Phrase && field.equals("email"))) {
                return kind + " list line " + entry.line() + " matches the email address";
            }
            if (entry instanceof Phrase) {
                return kind + " word '" + entry.text() + "' in " + field;
            }
            String what = entry instanceof Address ? " IP " : entry instanceof Email ? " email " : " email domain ";
            return kind + what + entry.text();
        }
    }

    /**
     * The list and its problems, parsed once for the few texts in use: saving a 10,000-line list checks
     * it, and the first comment after the save matches against that same parse.
     */
    public static Parsed parse(String text) {
        String key = text == null ? "" : text;
        synchronized (RECENT) {
            Parsed known = RECENT.get(key);
            if (known != null) {
                return known;
            }
        }
        Parsed parsed = parseAnew(key);
        synchronized (RECENT) {
            RECENT.put(key, parsed);
        }
        return parsed;
    }

    private static Parsed parseAnew(String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = lines(text);
        int oneByOne = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                Entry entry = entry(line, i + 1);
                if (entry instanceof Phrase p && isTriedOneByOne(p) && ++oneByOne > MAX_ONE_BY_ONE) {
                    throw new IllegalArgumentException("at most " + MAX_ONE_BY_ONE
                            + " entries of a list may have a * inside a word or more than one * in a word.");
                }
                entries.add(entry);
            } catch (IllegalArgumentException bad) {
                problems.add("Line " + (i + 1) + " (\"" + line + "\"): " + bad.getMessage());
            }
        }
        return new Parsed(new KeyList(entries), List.copyOf(problems));
    }

    /**
     * The lines of {@code text} as {@code split("\\R")} cuts them (CR LF, or any one of LF, VT, FF, CR,
     * NEL, LS, PS), without its regular expression: a 10,000-line list is split at every save.
     */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        // as split does: trailing empty lines are not lines
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isEmpty()) {
            end--;
        }
        return lines.subList(0, end);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    private static Entry entry(String line, int number) {
        if (line.length() > MAX_LINE) {
            throw new IllegalArgumentException("an entry is at most " + MAX_LINE + " characters.");
        }
        if (line.startsWith("@")) {
            String domain = line.substring(1).toLowerCase(Locale.ROOT);
            if (domain.isEmpty() || !domain.matches("[\\p{L}\\p{N}.-]+")) {
                throw new IllegalArgumentException("an @domain entry needs a domain name after the @.");
            }
            return new Domain(line, number, domain);
        }
        if (line.contains("@")) {
            if (!line.matches("[^@\\s]+@[^@\\s]+")) {
                throw new IllegalArgumentException("not a valid email address.");
            }
            return new Email(line, number, line.toLowerCase(Locale.ROOT));
        }
        if (couldBeAddress(line)) {
            String[] cidr = line.split("/", -1);
            if (IPV4.matcher(cidr[0]).matches() || (IPV6.matcher(cidr[0]).matches() && cidr[0].contains(":"))) {
                return address(line, number, cidr);
            }
        }
        if (line.contains("/")) {
            throw new IllegalArgumentException("a range must be an IP address and a prefix, like 203.0.113.0/24.");
        }
        List<String> words = Words.ofEntry(line);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no letters or digits to match.");
        }
        if (words.size() > PhraseIndex.MAX_PHRASE_WORDS) {
            throw new IllegalArgumentException("a phrase has at most " + PhraseIndex.MAX_PHRASE_WORDS + " words.");
        }
        return new Phrase(line, number, words);
    }

    private static boolean isTriedOneByOne(Phrase phrase) {
        for (String word : phrase.words()) {
            if (PhraseIndex.isTriedOneByOne(word)) {
                return true;
            }
        }
        return false;
    }

    /** Only hex digits, colons, dots and a slash can make an address or a range: most lines are words, and need no pattern. */
    private static boolean couldBeAddress(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    private static Address address(String line, int number, String[] parts) {
        if (parts.length > 2) {
            throw new IllegalArgumentException("a range has one '/'.");
        }
        byte[] network = parseIp(parts[0]).orElseThrow(() -> new IllegalArgumentException("not a valid IP address."));
        int maxBits = network.length * 8;
        int prefix = maxBits;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > maxBits) {
                throw new IllegalArgumentException("the prefix must be a number from 0 to " + maxBits + ".");
            }
        }
        return new Address(line, number, network, prefix);
    }

    /** Parses a literal IP address without ever asking DNS. */
    static Optional<byte[]> parseIp(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (IPV4.matcher(text).matches()) {
            byte[] bytes = new byte[4];
            String[] octets = text.split("\\.");
            for (int i = 0; i < 4; i++) {
                int value = Integer.parseInt(octets[i]);
                if (value > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) value;
            }
            return Optional.of(bytes);
        }
        if (IPV6.matcher(text).matches() && text.contains(":")) {
            try {
                // a literal containing ':' is parsed, never resolved
                return Optional.of(InetAddress.getByName(text).getAddress());
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The first entry that matches the submission, checking the fields in a fixed order. */
    public Optional<Match> firstMatch(Submission submission) {
        List<String> fields = List.of("name", "email", "website", "comment", "user agent");
        List<BitSet> phraseMatches = List.of(phrases.matches(Words.of(submission.author())), phrases.matches(Words.of(submission.email())),
                phrases.matches(Words.of(submission.website())), phrases.matches(Words.of(submission.text())),
                phrases.matches(Words.of(submission.userAgent())));
        int firstPhrase = phraseMatches.stream().mapToInt(found -> found.nextSetBit(0)).filter(i -> i >= 0).min().orElse(entries.size());
        Optional<byte[]> ip = parseIp(submission.ipAddress());
        String email = submission.email() == null ? "" : submission.email().strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < firstPhrase; i++) {
            Entry entry = entries.get(i);
            String field = null;
            if (entry instanceof Address a) {
                field = ip.filter(bytes -> inRange(bytes, a)).isPresent() ? "IP" : null;
            } else if (entry instanceof Email e) {
                field = email.equals(e.address()) ? "email" : null;
            } else if (entry instanceof Domain d) {
                field = email.endsWith("@" + d.domain()) || email.endsWith("." + d.domain()) ? "email" : null;
            }
            if (field != null) {
                return Optional.of(new Match(entry, field));
            }
        }
        if (firstPhrase == entries.size()) {
            return Optional.empty();
        }
        for (int f = 0; ; f++) {
            if (phraseMatches.get(f).get(firstPhrase)) {
                return Optional.of(new Match(entries.get(firstPhrase), fields.get(f)));
            }
        }
    }

    private static boolean inRange(byte[] ip, Address range) {
        if (ip.length != range.network().length) {
            return false;
        }
        int bits = ip.length * 8;
        BigInteger mask = range.prefixBits() == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - range.prefixBits()).shiftLeft(bits - range.prefixBits());
        return new BigInteger(1, ip).and(mask).equals(new BigInteger(1, range.network()).and(mask));
    }
}
