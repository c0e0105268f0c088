package org.moderato.spamfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturesTest {

    @Test
    void wordsAreLowerCaseOncePerCommentAndShortOnesAreLeftOut() {
        assertEquals(List.of("cheap", "casino", "bonus", "links:0"), Features.of(null, null, "Cheap CASINO bonus, cheap casino! a an"));
    }

    @Test
    void linkHostsComeFromBareAddressesAndAnchorsWithoutWwwPortOrPath() {
        List<String> features = Features.of(null, null,
                "see <a href=\"https://WWW.Pills.example:8080/buy?x=1\">here</a> and http://x.example/a. or www.other.example");
        assertEquals(List.of("see", "link:pills.example", "here", "and", "link:x.example", "link:other.example", "links:2+"), features);
    }

    @Test
    void tagNamesAndAttributesAreNotWords() {
        assertEquals(List.of("bold", "links:0"), Features.of(null, null, "<b class=\"loud\">bold</b>"));
    }

    @Test
    void nameWordsAndTheWebsiteHostAreFeaturesButNeverAnEmailOrIp() {
        List<String> features = Features.of("Best SEO Agency", "https://www.seo-agency.example/offer", "Nice post");
        assertEquals(List.of("name:best", "name:seo", "name:agency", "site:seo-agency.example", "nice", "post", "links:0"), features);
    }

    @Test
    void aVeryLongWordIsOneFeatureAndAccentsAreLetters() {
        assertEquals(List.of("long-word", "café", "links:0"), Features.of(null, null, "x".repeat(21) + " Café"));
    }

    @Test
    void aHugeTextGivesAtMostTheLimitOfFeatures() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("word").append(i).append(' ');
        }
        assertEquals(Features.MAX_FEATURES, Features.of("A Name", null, text.toString()).size());
    }

    @Test
    void reasonsNameFeaturesInWords() {
        assertEquals("'casino'", Features.describe("casino"));
        assertEquals("link to x.example", Features.describe("link:x.example"));
        assertEquals("website x.example", Features.describe("site:x.example"));
        assertEquals("name 'seo'", Features.describe("name:seo"));
        assertEquals("2 or more links", Features.describe("links:2+"));
        assertTrue(Features.describe("links:1").equals("1 link"));
    }
}
