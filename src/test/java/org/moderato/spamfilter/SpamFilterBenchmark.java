package org.moderato.spamfilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How good the filter is, on the SpamAssassin public corpus (6,047 messages: 4,150 legitimate, 1,897
 * spam): 10-fold cross-validation, then precision, recall and the false-positive rate at the default
 * thresholds and around them, learning curves for small sites, model size and timings. A timed
 * main, not a test; {@code bench/spam-filter.sh} fetches the corpus and runs it.
 *
 * <p>Only what a comment has is used: the subject and body as the text (headers dropped, lines of
 * base64 left out), the From display name as the author's name; no address, no website.
 */
public final class SpamFilterBenchmark {

    private static final int FOLDS = 10;
    private static final long SEED = 20261201L;
    private static final Pattern FROM_NAME = Pattern.compile("(?m)^From:\\s*\"?([^\"<\\r\\n@]*?)\"?\\s*<");
    private static final Pattern SUBJECT = Pattern.compile("(?m)^Subject:\\s*(.*)$");
    private static final Pattern BASE64_LINE = Pattern.compile("(?m)^[A-Za-z0-9+/=]{40,}$");

    record Message(boolean spam, String author, String text) {
        List<String> features() {
            return Features.of(author, null, text);
        }
    }

    record Scored(boolean spam, double score) {}

    private SpamFilterBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "target/spam-corpus/package/data");
        List<Message> messages = new ArrayList<>();
        for (String group : List.of("easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2")) {
            try (Stream<Path> files = Files.list(data.resolve(group))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    messages.add(parse(group.startsWith("spam"), Files.readString(file, StandardCharsets.ISO_8859_1)));
                }
            }
        }
        Collections.shuffle(messages, new Random(SEED));
        long spam = messages.stream().filter(Message::spam).count();
        System.out.printf(Locale.ROOT, "SpamAssassin public corpus: %d messages, %d spam, %d legitimate; %d-fold cross-validation%n",
                messages.size(), spam, messages.size() - spam, FOLDS);

        List<Scored> scored = crossValidate(messages);
        System.out.println();
        System.out.println("hold% file% | filed: precision recall  FP rate | held or filed: spam caught  good held");
        int[][] thresholds = {{50, 99}, {50, 95}, {50, 90}, {20, 90}, {50, 999}, {30, 99}, {70, 99}, {50, 100}};
        for (int[] t : thresholds) {
            if (t[1] > 100) {
                continue;
            }
            print(t[0], t[1], scored, true);
        }

        System.out.println();
        System.out.println("small sites (train on N random decisions, classify the rest), at 50 / 99, filing only from "
                + SpamModel.LEARN_BEFORE_FILING + " of each:");
        for (int n : new int[] {60, 200, 400, 1000, 2000}) {
            learningCurve(messages, n);
        }

        sizeAndTimings(messages);
    }

    static Message parse(boolean spam, String raw) {
        int split = raw.indexOf("\n\n");
        String headers = split < 0 ? raw : raw.substring(0, split);
        String body = split < 0 ? "" : raw.substring(split + 2);
        Matcher subject = SUBJECT.matcher(headers);
        Matcher name = FROM_NAME.matcher(headers);
        String text = (subject.find() ? subject.group(1) + "\n" : "") + BASE64_LINE.matcher(body).replaceAll("");
        return new Message(spam, name.find() ? name.group(1).strip() : null, text);
    }

    private static List<Scored> crossValidate(List<Message> messages) {
        List<Scored> scored = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            SpamModel model = new SpamModel();
            List<Message> test = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                if (i % FOLDS == fold) {
                    test.add(messages.get(i));
                } else {
                    train(model, messages.get(i));
                }
            }
            for (Message m : test) {
                scored.add(new Scored(m.spam(), SpamClassifier.score(model, m.features()).probability()));
            }
        }
        return scored;
    }

    private static void train(SpamModel model, Message m) {
        model.train(m.features().stream().mapToInt(FeatureHash::of).toArray(), m.spam() ? Label.SPAM : Label.GOOD, 1);
    }

    /** With {@code mayFile} false, as the check does before it has learnt enough: everything at or above hold is held. */
    private static void print(int holdPercent, int filePercent, List<Scored> scored, boolean mayFile) {
        int file = mayFile ? filePercent : Integer.MAX_VALUE;
        long spam = scored.stream().filter(Scored::spam).count();
        long good = scored.size() - spam;
        long filedSpam = scored.stream().filter(s -> s.spam() && s.score() * 100 >= file).count();
        long filedGood = scored.stream().filter(s -> !s.spam() && s.score() * 100 >= file).count();
        long caughtSpam = scored.stream().filter(s -> s.spam() && s.score() * 100 >= holdPercent).count();
        long heldGood = scored.stream().filter(s -> !s.spam() && s.score() * 100 >= holdPercent && s.score() * 100 < file).count();
        System.out.printf(Locale.ROOT, "%5d %5d | %16.2f%% %5.1f%% %7.2f%% (%d) | %18.1f%% %9.2f%% (%d)%n", holdPercent, filePercent,
                100.0 * filedSpam / Math.max(1, filedSpam + filedGood), 100.0 * filedSpam / spam, 100.0 * filedGood / good, filedGood,
                100.0 * caughtSpam / spam, 100.0 * heldGood / good, heldGood);
    }

    private static void learningCurve(List<Message> messages, int n) {
        List<Message> shuffled = new ArrayList<>(messages);
        Collections.shuffle(shuffled, new Random(SEED + n));
        SpamModel model = new SpamModel();
        // as a site starts: the first n decisions, at least 30 of each kind
        List<Message> spam = shuffled.stream().filter(Message::spam).limit(n / 2).toList();
        List<Message> good = shuffled.stream().filter(m -> !m.spam()).limit(n - n / 2).toList();
        spam.forEach(m -> train(model, m));
        good.forEach(m -> train(model, m));
        List<Scored> scored = shuffled.stream()
                .filter(m -> !spam.contains(m) && !good.contains(m))
                .map(m -> new Scored(m.spam(), SpamClassifier.score(model, m.features()).probability()))
                .toList();
        System.out.printf(Locale.ROOT, "  N = %4d: ", n);
        print(50, 99, scored, model.hasLearntEnoughToFile());
    }

    private static void sizeAndTimings(List<Message> messages) {
        SpamModel model = new SpamModel();
        List<int[]> hashes = messages.stream().map(m -> m.features().stream().mapToInt(FeatureHash::of).toArray()).toList();
        long features = 0;
        for (int i = 0; i < messages.size(); i++) {
            model.train(hashes.get(i), messages.get(i).spam() ? Label.SPAM : Label.GOOD, 1);
            features += hashes.get(i).length;
        }
        long words = messages.stream().mapToLong(m -> m.text().length()).sum();
        System.out.println();
        System.out.printf(Locale.ROOT, "model on all %d messages: %d distinct features, %.1f features a message, table %.2f MB%n",
                messages.size(), model.features(), features / (double) messages.size(), model.bytes() / 1e6);
        System.out.printf(Locale.ROOT, "average message %.0f characters%n", words / (double) messages.size());

        double[] sink = {0};
        int rounds = 20;
        for (int warm = 0; warm < 3; warm++) {
            messages.forEach(m -> sink[0] += SpamClassifier.score(model, m.features()).probability());
        }
        long started = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            messages.forEach(m -> sink[0] += SpamClassifier.score(model, m.features()).probability());
        }
        double classify = (System.nanoTime() - started) / 1e3 / (rounds * messages.size());
        started = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < messages.size(); i++) {
                int[] h = messages.get(i).features().stream().mapToInt(FeatureHash::of).toArray();
                model.train(h, Label.GOOD, 1);
                model.train(h, Label.GOOD, -1);
            }
        }
        double train = (System.nanoTime() - started) / 1e3 / (2.0 * rounds * messages.size());
        System.out.printf(Locale.ROOT, "classify (tokenize + score): %.1f µs a message; learn in memory (tokenize + count): %.1f µs (%s)%n",
                classify, train, sink[0] > 0 ? "JDK " + Runtime.version() : "");
    }
}
