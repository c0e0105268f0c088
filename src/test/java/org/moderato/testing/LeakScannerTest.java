package org.moderato.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The leak test is only as good as its scanner: each form of a leak must be caught, and clean text must pass. */
class LeakScannerTest {

    private static final String CANARY = "Leak.a1b2c3d4@Canary-e5f6a7b8.example";
    private final LeakScanner scanner = new LeakScanner(List.of(CANARY));

    @Test
    void catchesTheAddressInAnyCaseAndItsUniqueParts() {
        assertTrue(scanner.findIn("mail " + CANARY.toLowerCase()).contains(CANARY + ": address"));
        assertTrue(scanner.findIn("<input value=\"LEAK.A1B2C3D4@CANARY-E5F6A7B8.EXAMPLE\">").contains(CANARY + ": address"));
        assertTrue(scanner.findIn("by leak.a1b2c3d4").contains(CANARY + ": local part"));
        assertTrue(scanner.findIn("host canary-e5f6a7b8").contains(CANARY + ": domain label"));
        assertTrue(scanner.findIn("?email=Leak.a1b2c3d4%40Canary-e5f6a7b8.example").contains(CANARY + ": URL-encoded"));
    }

    @Test
    void catchesEveryHashGravatarOrAnyoneElseWouldPublish() {
        // Gravatar: MD5 of the trimmed, lower-cased address
        String gravatar = "https://www.gravatar.com/avatar/" + LeakScanner.formsOf(CANARY).get("MD5 (normalised)") + "?s=48";
        assertTrue(scanner.findIn(gravatar).contains(CANARY + ": MD5 (normalised)"), scanner.findIn(gravatar).toString());
        for (Map.Entry<String, String> form : LeakScanner.formsOf(CANARY).entrySet()) {
            String page = "<img src=\"/x/" + form.getValue() + ".png\">";
            assertTrue(scanner.findIn(page).contains(CANARY + ": " + form.getKey()), form.getKey() + " not caught in " + page);
        }
    }

    @Test
    void catchesLeaksInHeadersToo() {
        HttpPage page = new HttpPage("/x", 200, Map.of("X-Author", List.of(CANARY)), "clean");
        assertEquals(1, scanner.findIn(page).stream().filter(p -> p.contains("header X-Author") && p.endsWith(": address")).count());
    }

    @Test
    void cleanTextAndTheMaskedFormPass() {
        assertEquals(List.of(), scanner.findIn("<p>L•••@C•••.example wrote a comment</p> a1b2 e5f6"));
        assertEquals(List.of(), scanner.findIn(new HttpPage("/", 200, Map.of("Content-Type", List.of("text/html")), "<html></html>")));
    }
}
