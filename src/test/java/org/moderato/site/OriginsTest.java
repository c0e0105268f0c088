package org.moderato.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginsTest {

    @Test
    void anOriginIsNormalisedToWhatABrowserSends() {
        assertEquals(Optional.of("https://blog.example.org"), Origins.normalise("https://Blog.Example.org:443/"));
        assertEquals(Optional.of("http://127.0.0.1:8081"), Origins.normalise("http://127.0.0.1:8081"));
        assertEquals(Optional.of("http://example.org"), Origins.normalise("HTTP://example.org:80"));
    }

    @Test
    void aPathAQueryAUserOrAnotherSchemeIsNoOrigin() {
        for (String wrong : new String[] {"https://blog.example.org/page", "https://blog.example.org?x", "https://u@blog.example.org",
                "ftp://blog.example.org", "blog.example.org", "null", "javascript:alert(1)", ""}) {
            assertEquals(Optional.empty(), Origins.normalise(wrong), wrong);
        }
    }

    @Test
    void theAdminsTextIsOneOriginPerLineWithoutRepeats() {
        assertEquals(List.of("https://a.example", "http://b.example:8080"),
                Origins.parse("https://a.example/\n http://b.example:8080 , https://A.example").list());
        assertEquals("\"https://a.example/x\" is not an origin: write it as https://blog.example.org (scheme and host, no path).",
                assertThrows(IllegalArgumentException.class, () -> Origins.parse("https://a.example/x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Origins.parse("  "));
    }

    @Test
    void aPageIsKeyedByItsIdOrItsCanonicalUrlOnTheSitesOrigin() {
        Site site = new Site("Blog", Origins.parse("https://blog.example.org"), true);
        assertEquals("id:post-42", PageRef.of(site, "post-42", "https://elsewhere.example/").key());
        assertEquals("url:https://blog.example.org/2026/post?p=1", PageRef.of(site, null, "https://BLOG.example.org:443/2026/post?p=1#c").key());
        assertEquals(403, assertThrows(SiteRefused.class, () -> PageRef.of(site, null, "https://evil.example/x")).httpStatus());
        assertEquals(400, assertThrows(SiteRefused.class, () -> PageRef.of(site, "<script>", null)).httpStatus());
        assertEquals(400, assertThrows(SiteRefused.class, () -> PageRef.of(site, null, "javascript:alert(1)")).httpStatus());
    }
}
