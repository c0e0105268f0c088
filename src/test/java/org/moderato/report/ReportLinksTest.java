package org.moderato.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportLinksTest {

    private final ReportLinks links = new ReportLinks("k".repeat(32).getBytes(StandardCharsets.UTF_8));

    @Test
    void aStatementLinkOpensOnlyItsOwnDecision() {
        String path = links.statementPath(51);
        String sig = path.substring(path.indexOf("sig=") + 4);
        assertTrue(links.isStatementSigned(51, sig));
        assertFalse(links.isStatementSigned(52, sig));
        // a notice's signature is not a statement's, even for the same number
        assertFalse(links.isNoticeSigned(51, sig));
        assertFalse(links.isStatementSigned(51, null));
        assertFalse(links.isStatementSigned(51, sig.substring(1)));
    }
}
