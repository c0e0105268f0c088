package org.moderato.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that rendered comment HTML has nothing active: only allowed tags, no handlers, scripts or unsafe URLs. */
public final class SafeHtml {

    private static final Set<String> SAFE_TAGS = Set.of("p", "br", "a", "abbr", "acronym", "b", "blockquote", "cite", "code",
            "del", "em", "i", "q", "s", "strike", "strong");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");

    private SafeHtml() {}

    public static void assertSafe(String html, String context) {
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase();
            assertTrue(SAFE_TAGS.contains(name), context + ": unexpected tag <" + name + "> in " + html);
            String attributes = tag.group(2).toLowerCase();
            assertFalse(Pattern.compile("\\bon[a-z]+\\s*=").matcher(attributes).find(), context + ": event handler in " + tag.group());
            assertFalse(attributes.contains("javascript:") || attributes.contains("data:") || attributes.contains("style="),
                    context + ": unsafe attribute in " + tag.group());
        }
        assertFalse(html.toLowerCase().contains("<script"), context + ": " + html);
        // "<!-- -->" is the renderer's own: it keeps "{" and "{" of two text runs from reading as a template's "{{"
        String withoutBreakers = html.toLowerCase().replace("{<!-- -->", "{");
        List.of("<!--", "<![cdata[").forEach(marker -> assertFalse(withoutBreakers.contains(marker), context + ": " + html));
    }
}
