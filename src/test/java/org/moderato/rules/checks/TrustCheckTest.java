package org.moderato.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.moderato.rules.Fixtures.NOW;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.moderato.rules.Decision;
import org.moderato.rules.Finding;
import org.moderato.rules.Fixtures;
import org.moderato.rules.SubmissionFacts;

class TrustCheckTest {

    private final TrustCheck check = new TrustCheck();

    /** An author whose browser shows the returning-commenter token of one of their approved comments. */
    private static SubmissionFacts author(long approved, boolean alwaysHeld) {
        return new SubmissionFacts(NOW, true, NOW, Optional.empty(), false, Optional.empty(), approved, alwaysHeld, approved > 0);
    }

    /** Someone who knows the address of an author with approved comments, but has no token of theirs. */
    private static SubmissionFacts addressOnly(long approved) {
        return new SubmissionFacts(NOW, true, NOW, Optional.empty(), false, Optional.empty(), approved, false, false);
    }

    @Test
    void aFirstCommentWaitsAndAKnownAuthorIsApproved() {
        assertEquals(List.of(Finding.hold("first comment from this author")),
                check.assess(Fixtures.submission(), author(0, false), Fixtures.rules()));
        assertEquals(List.of(Finding.approve("author has 1 approved comment")),
                check.assess(Fixtures.submission(), author(1, false), Fixtures.rules()));
    }

    @Test
    void theAdminCanAskForMoreApprovedComments() {
        var three = Fixtures.rulesWith(r -> r.setTrustAfterApproved(3));
        assertEquals(List.of(Finding.hold("author has 2 approved comments, 3 needed")), check.assess(Fixtures.submission(), author(2, false), three));
        assertEquals(List.of(Finding.approve("author has 3 approved comments")), check.assess(Fixtures.submission(), author(3, false), three));
    }

    @Test
    void theAddressAloneEarnsNoTrust() {
        Finding notRecognised = Finding.hold("author not recognised in this browser (no returning-commenter token from an approved comment)");
        assertEquals(List.of(notRecognised), check.assess(Fixtures.submission(), addressOnly(1), Fixtures.rules()));
        assertEquals(List.of(notRecognised), check.assess(Fixtures.submission(), addressOnly(40), Fixtures.rules()));
    }

    @Test
    void alwaysHoldBeatsTrust() {
        assertEquals(List.of(Finding.hold("author is marked 'always hold'")),
                check.assess(Fixtures.submission(), author(50, true), Fixtures.rules()));
    }

    @Test
    void withoutTrustTheSiteDefaultDecides() {
        assertEquals(List.of(Finding.approve("site default")),
                check.assess(Fixtures.submission(), author(0, false), Fixtures.rulesWith(r -> r.setTrustApprovedAuthors(false))));
        assertEquals(List.of(Finding.hold("site default is to hold comments")), check.assess(Fixtures.submission(), author(9, false),
                Fixtures.rulesWith(r -> { r.setTrustApprovedAuthors(false); r.setDefaultDecision(Decision.HOLD); })));
    }
}
