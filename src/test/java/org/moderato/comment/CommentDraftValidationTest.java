package org.moderato.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CommentDraftValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Set<String> problems(CommentDraft draft) {
        return validator.validate(draft).stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .collect(Collectors.toSet());
    }

    private static CommentDraft valid() {
        return new CommentDraft("Jane Reader", "jane@example.com", "https://jane.example", "A fine article.");
    }

    @Test
    void aCompleteCommentIsValid() {
        assertEquals(Set.of(), problems(valid()));
    }

    @Test
    void aBlankCommentIsNamedAndBlankNameOrEmailAreLeftToTheSiteRules() {
        CommentDraft draft = new CommentDraft("  ", "", null, "\n\t ");
        assertEquals(Set.of("comment: Please type your comment."), problems(draft));
        assertNull(draft.getAuthor());
        assertNull(draft.getEmail());
    }

    @Test
    void malformedEmailIsRefused() {
        for (String bad : new String[] {"jane", "jane@", "@example.com", "jane@example", "ja ne@example.com", "a@b@c.com"}) {
            CommentDraft draft = valid();
            draft.setEmail(bad);
            assertTrue(problems(draft).contains("email: Please enter a valid email address."), bad);
        }
    }

    @Test
    void limitsAreWordPresssOwn() {
        CommentDraft draft = valid();
        draft.setAuthor("n".repeat(CommentLimits.NAME_MAX));
        assertEquals(Set.of(), problems(draft));
        draft.setAuthor("n".repeat(CommentLimits.NAME_MAX + 1));
        assertEquals(Set.of("author: Your name is too long (at most 245 characters)."), problems(draft));

        draft = valid();
        draft.setEmail("e".repeat(CommentLimits.EMAIL_MAX - "@example.com".length() + 1) + "@example.com");
        assertTrue(problems(draft).contains("email: Your email address is too long (at most 100 characters)."));

        draft = valid();
        draft.setUrl("https://example.com/" + "p".repeat(CommentLimits.WEBSITE_MAX));
        assertTrue(problems(draft).contains("url: The website address is too long (at most 200 characters)."));
    }

    @Test
    void commentLimitIsCountedInUtf8Bytes() {
        CommentDraft draft = valid();
        draft.setComment("a".repeat(CommentLimits.BODY_MAX_BYTES));
        assertEquals(Set.of(), problems(draft));
        // "é" is two bytes: half as many characters already reach the limit
        draft.setComment("é".repeat(CommentLimits.BODY_MAX_BYTES / 2 + 1));
        assertEquals(Set.of("comment: Your comment is too long (at most 65,525 bytes)."), problems(draft));
    }

    @Test
    void websiteMustBeHttpOrHttpsAndABareDomainGetsHttp() {
        CommentDraft draft = valid();
        draft.setUrl("example.com/about");
        assertEquals("http://example.com/about", draft.getUrl());
        assertEquals(Set.of(), problems(draft));

        draft.setUrl("example.com:8080/x");
        assertEquals("http://example.com:8080/x", draft.getUrl());

        for (String bad : new String[] {"javascript:alert(1)", "data:text/html,hi", "ftp://example.com", "http://exa mple.com"}) {
            draft.setUrl(bad);
            Set<ConstraintViolation<CommentDraft>> violations = validator.validateProperty(draft, "url");
            assertEquals(1, violations.size(), bad);
        }
        draft.setUrl("   ");
        assertNull(draft.getUrl());
    }

    @Test
    void textIsNormalisedAndControlCharactersRemoved() {
        CommentDraft draft = valid();
        draft.setAuthor(" Jo\u0000hn\u0007 ");
        assertEquals("John", draft.getAuthor());
        // "e" + combining acute accent becomes the single code point "é" (NFC)
        draft.setComment("Cafe\u0301\r\nline\ttwo\u001b");
        assertEquals("Caf\u00e9\nline\ttwo", draft.getComment());
    }
}
