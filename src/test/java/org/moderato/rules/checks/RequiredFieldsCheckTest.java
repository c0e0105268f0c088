package org.moderato.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.moderato.rules.Fixtures;

class RequiredFieldsCheckTest {

    private final RequiredFieldsCheck check = new RequiredFieldsCheck();

    @Test
    void nameAndEmailAreRequiredByDefault() {
        assertTrue(check.check(Fixtures.submission(), Fixtures.facts(), Fixtures.rules()).isEmpty());
        for (var s : new org.moderato.rules.Submission[] {
                Fixtures.with(null, "a@example.com", null, "text", "1.2.3.4", "ua"),
                Fixtures.with("Ann", " ", null, "text", "1.2.3.4", "ua")}) {
            var refusal = check.check(s, Fixtures.facts(), Fixtures.rules()).orElseThrow();
            assertEquals("Please fill the required fields.", refusal.message());
            assertEquals(400, refusal.httpStatus());
        }
    }

    @Test
    void theAdminCanMakeNameAndEmailOptionalButNeverTheComment() {
        var optional = Fixtures.rulesWith(r -> r.setRequireNameAndEmail(false));
        assertTrue(check.check(Fixtures.with(null, null, null, "text", "1.2.3.4", "ua"), Fixtures.facts(), optional).isEmpty());
        assertTrue(check.check(Fixtures.with(null, null, null, "  ", "1.2.3.4", "ua"), Fixtures.facts(), optional).isPresent());
    }
}
