package org.moderato.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.moderato.spamfilter.SpamModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.moderato.comment.CommentDraft;
import org.moderato.comment.CommentText;
import org.moderato.testing.RandomText;
import org.moderato.testing.SafeHtml;

/**
 * Random and hostile submissions through the whole path a comment takes in memory: cleaning,
 * field constraints, every check, and rendering. Each kind of input has the outcome the site's rules
 * promise for it, and the HTML stays safe. A failure names its seed ({@code -Dproperty.seed=N} replays it).
 */
class PipelinePropertiesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final FormToken TOKENS = new FormToken("p".repeat(32).getBytes());
    private static final CommentPipeline PIPELINE = new CommentPipeline(TOKENS, SpamModel::new);
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final RuleSettings RULES = new RuleSettings(true, false, 14, 5, 15, 3, 24, false, false, "viagra\ncasino*",
            "203.0.113.0/24\n@evil.example", 2, false, 1, Decision.APPROVE, 50, false, true, 50, 99, 10);
    /** Pieces that neither link nor match a key: the text of a comment that the rules approve. */
    private static final List<String> INNOCENT_PIECES = RandomText.HOSTILE_PIECES.stream()
            .filter(p -> !p.toLowerCase().contains("<a") && !p.contains("example")).toList();

    /** The kinds of submission and what each must get with {@link #RULES}. */
    enum Kind { APPROVED, NAME_MISSING, HELD_FOR_A_WORD, HELD_FOR_LINKS, SPAM_FOR_THE_DOMAIN, TOO_LONG_OR_APPROVED }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(RandomText.SEEDS)
    void eachKindOfSubmissionGetsItsOutcomeAndRendersSafely(long seed) {
        Random random = new Random(seed);
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        String text = innocentText(random);
        String author = "Reader " + RandomText.any(random, 20);
        String email = "reader" + random.nextInt(1000) + "@example.com";
        switch (kind) {
            case NAME_MISSING -> author = random.nextBoolean() ? null : " \t ";
            case HELD_FOR_A_WORD -> text = text + " " + List.of("Casinos", "v1agra", "VIAGRA", "casino\u200Bs").get(random.nextInt(4)) + " " + innocentText(random);
            case HELD_FOR_LINKS -> text = text + links(random, 2 + random.nextInt(4));
            case SPAM_FOR_THE_DOMAIN -> email = "someone@" + (random.nextBoolean() ? "" : "mail.") + "evil.example";
            case TOO_LONG_OR_APPROVED -> text = RandomText.of(random, "bé😀<>&\n", 60_000, 70_000);
            case APPROVED -> { }
        }
        CommentDraft draft = new CommentDraft(author, email, RandomText.hostile(random, 3), text);
        draft.setUrl(null);
        String context = "seed " + seed + ", " + kind;

        boolean valid = VALIDATOR.validate(draft).isEmpty();
        CommentPipeline.Outcome outcome = PIPELINE.run(submission(draft), facts(), RULES);

        switch (kind) {
            case NAME_MISSING -> {
                assertTrue(outcome.refusal().isPresent(), context);
                assertEquals(400, outcome.refusal().get().httpStatus(), context);
            }
            case HELD_FOR_A_WORD -> assertDecision(Decision.HOLD, outcome, context, "moderation word");
            case HELD_FOR_LINKS -> assertDecision(Decision.HOLD, outcome, context, "links, limit 2");
            case SPAM_FOR_THE_DOMAIN -> assertDecision(Decision.SPAM, outcome, context, "disallowed email domain @evil.example");
            case APPROVED -> assertDecision(Decision.APPROVE, outcome, context, null);
            case TOO_LONG_OR_APPROVED -> {
                assertEquals(draft.getComment().getBytes(StandardCharsets.UTF_8).length <= 65_525, valid, context);
                assertDecision(Decision.APPROVE, outcome, context, null);
            }
        }
        if (kind != Kind.TOO_LONG_OR_APPROVED && kind != Kind.NAME_MISSING) {
            assertTrue(valid, context + ": " + VALIDATOR.validate(draft));
        }
        if (valid) {
            SafeHtml.assertSafe(CommentText.toHtml(draft.getComment()), context);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(RandomText.SEEDS)
    void renderedHtmlNeverCarriesScript(long seed) {
        String text = RandomText.hostile(new Random(seed), 40);
        SafeHtml.assertSafe(CommentText.toHtml(text.isBlank() ? "x" : text), "seed " + seed);
    }

    private static String innocentText(Random random) {
        StringBuilder text = new StringBuilder("Thanks");
        for (int i = random.nextInt(8); i > 0; i--) {
            text.append(random.nextBoolean() ? INNOCENT_PIECES.get(random.nextInt(INNOCENT_PIECES.size()))
                    : RandomText.of(random, "abcdefghijklmnopqrstuvwxyz éü\n.,!?", 1, 30));
        }
        return text.toString();
    }

    private static String links(Random random, int count) {
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < count; i++) {
            links.append(random.nextBoolean() ? " https://site" + i + ".example/x " : " <a href=\"https://site" + i + ".example\">site</a> ");
        }
        return links.toString();
    }

    private static void assertDecision(Decision expected, CommentPipeline.Outcome outcome, String context, String reason) {
        assertTrue(outcome.refusal().isEmpty(), () -> context + ": refused " + outcome.refusal());
        assertEquals(expected, outcome.verdict().decision(), () -> context + ": " + outcome.verdict().reasons());
        if (reason != null) {
            assertTrue(outcome.verdict().reasons().stream().anyMatch(r -> r.contains(reason)), () -> context + ": " + outcome.verdict().reasons());
        }
    }

    private static Submission submission(CommentDraft draft) {
        return new Submission(7, null, draft.getAuthor(), draft.getEmail(), draft.getUrl(), draft.getComment(),
                "198.51.100.7", "Mozilla/5.0", null, TOKENS.issue(7, NOW.minusSeconds(60)), false);
    }

    private static SubmissionFacts facts() {
        return new SubmissionFacts(NOW, true, NOW, Optional.empty(), false, Optional.empty(), 0, false, false);
    }
}
