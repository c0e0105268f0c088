package org.moderato.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.moderato.comment.CommentDraft;
import org.moderato.comment.CommentText;

/**
 * Random and hostile submissions through the whole path a comment takes in memory: cleaning,
 * field constraints, every check, and rendering. Nothing may throw, and the HTML must stay safe.
 */
class PipelinePropertiesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final FormToken TOKENS = new FormToken("p".repeat(32).getBytes());
    private static final CommentPipeline PIPELINE = new CommentPipeline(TOKENS, org.moderato.spamfilter.SpamModel::new);
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Set<String> SAFE_TAGS = Set.of("p", "br", "a", "abbr", "acronym", "b", "blockquote", "cite", "code",
            "del", "em", "i", "q", "s", "strike", "strong");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> pieces = Arbitraries.of(
                "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
                "<a href='java\tscript:alert(1)'>y</a>", "<svg/onload=alert(1)>", "<iframe src=//evil>", "\"><script>",
                "<a href=\"https://ok.example\" onclick=\"x\">ok</a>", "<b onmouseover=alert(1)>b</b>", "<style>*{}</style>",
                "<!--", "-->", "<![CDATA[", "&lt;script&gt;", "&#x3C;script&#x3E;", "\u0000", "\u0007", "\u202e", "\u200b",
                "\r\n", "\n\n", "\t", "e\u0301", "😀", "𝒳", "\uD800", "v1agra", "casino", "https://a.example", "www.b.example",
                "<blockquote cite=\"javascript:x\">q</blockquote>", "<q cite=\"https://c.example\">q</q>", "<del datetime=\"x\">d</del>");
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(200);
        return Arbitraries.oneOf(pieces, random).list().ofMaxSize(40).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<CommentDraft> drafts() {
        Arbitrary<String> shortText = Arbitraries.oneOf(hostileText(), Arbitraries.strings().all().ofMaxLength(300));
        Arbitrary<String> huge = Arbitraries.strings().withChars("aé😀<>&\n").ofMinLength(60_000).ofMaxLength(70_000);
        return Combinators.combine(shortText, shortText, shortText, Arbitraries.oneOf(hostileText(), huge))
                .as(CommentDraft::new);
    }

    @Property(tries = 400)
    void everySubmissionIsJudgedWithoutErrorsAndRendersSafely(@ForAll("drafts") CommentDraft draft) {
        boolean valid = VALIDATOR.validate(draft).isEmpty();
        Submission submission = new Submission(7, null, draft.getAuthor(), draft.getEmail(), draft.getUrl(), draft.getComment(),
                "198.51.100.7", "Mozilla/5.0", null, TOKENS.issue(7, NOW.minusSeconds(60)), false);
        SubmissionFacts facts = new SubmissionFacts(NOW, true, NOW, Optional.empty(), false, Optional.empty(), 0, false, false);
        RuleSettings rules = new RuleSettings(true, false, 14, 5, 15, 3, 24, false, false, "viagra\ncasino*", "203.0.113.0/24\n@evil.example",
                2, true, 1, Decision.APPROVE, 50, false, true, 50, 99);

        CommentPipeline.Outcome outcome = PIPELINE.run(submission, facts, rules);

        assertTrue(outcome.refusal().isPresent() || outcome.verdict() != null);
        if (outcome.verdict() != null) {
            assertNotNull(outcome.verdict().decision());
            assertFalse(outcome.verdict().reasons().isEmpty());
        }
        if (valid) {
            assertSafe(CommentText.toHtml(draft.getComment()));
        }
    }

    @Property(tries = 1000)
    void renderedHtmlNeverCarriesScript(@ForAll("hostileText") String text) {
        assertSafe(CommentText.toHtml(text.isBlank() ? "x" : text));
    }

    static void assertSafe(String html) {
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase();
            assertTrue(SAFE_TAGS.contains(name), "unexpected tag <" + name + "> in " + html);
            String attributes = tag.group(2).toLowerCase();
            assertFalse(Pattern.compile("\\bon[a-z]+\\s*=").matcher(attributes).find(), "event handler in " + tag.group());
            assertFalse(attributes.contains("javascript:") || attributes.contains("data:") || attributes.contains("style="),
                    "unsafe attribute in " + tag.group());
        }
        assertFalse(html.toLowerCase().contains("<script"), html);
        List.of("<!--", "<![cdata[").forEach(marker -> assertFalse(html.toLowerCase().contains(marker), html));
    }
}
