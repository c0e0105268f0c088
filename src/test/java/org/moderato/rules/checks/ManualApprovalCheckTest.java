package org.moderato.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moderato.rules.Finding;
import org.moderato.rules.Fixtures;

class ManualApprovalCheckTest {

    @Test
    void offByDefaultAndHoldsEverythingWhenOn() {
        var check = new ManualApprovalCheck();
        assertEquals(List.of(), check.assess(Fixtures.submission(), Fixtures.facts(), Fixtures.rules()));
        assertEquals(List.of(Finding.hold("every comment is approved by hand (site setting)")),
                check.assess(Fixtures.submission(), Fixtures.facts(), Fixtures.rulesWith(r -> r.setManualApproval(true))));
    }
}
