package org.moderato.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moderato.rules.Fixtures.NOW;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.moderato.rules.Fixtures;
import org.moderato.rules.SubmissionFacts;

class DuplicateCheckTest {

    @Test
    void saysWhatWordPressSaysWith409() {
        var duplicate = new SubmissionFacts(NOW, true, NOW, Optional.empty(), true, Optional.empty(), 0, false, false);
        var refusal = new DuplicateCheck().check(Fixtures.submission(), duplicate, Fixtures.rules()).orElseThrow();
        assertEquals("Duplicate comment detected; it looks as though you've already said that!", refusal.message());
        assertEquals(409, refusal.httpStatus());
        assertTrue(new DuplicateCheck().check(Fixtures.submission(), Fixtures.facts(), Fixtures.rules()).isEmpty());
    }
}
