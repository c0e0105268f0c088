package org.moderato.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void eachSpecialCharacterIsEscaped() {
        assertEquals("&amp;", Html.escape("&"));
        assertEquals("&lt;", Html.escape("<"));
        assertEquals("&gt;", Html.escape(">"));
        assertEquals("&quot;", Html.escape("\""));
    }

    @Test
    void textAroundTheSpecialCharactersIsKept() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; d", Html.escape("a <b> & \"c\" d"));
        assertEquals("&lt;script&gt;&amp;&quot;'", Html.escape("<script>&\"'"));
        assertEquals("&amp;amp;", Html.escape("&amp;"), "an entity typed is text: escaped again");
    }

    @Test
    void theApostropheAndOtherCharactersStay() {
        // as Mojarra writes them: every attribute we write is in double quotes
        assertEquals("O'Brien · Zoë\u00a0: 😀", Html.escape("O'Brien · Zoë\u00a0: 😀"));
    }

    @Test
    void aTextWithNothingToEscapeIsReturnedItself() {
        String plain = "Nothing to escape here";
        assertSame(plain, Html.escape(plain));
    }

    @Test
    void nullAndEmptyAreNothing() {
        assertEquals("", Html.escape(null));
        assertEquals("", Html.escape(""));
        assertEquals("x", Html.append(new StringBuilder("x"), null).toString());
    }

    @Test
    void appendWritesTheSameAsEscapeAfterWhatIsThere() {
        String text = "<a href=\"?x=1&y=2\">it's</a>";
        StringBuilder out = new StringBuilder("before:");
        assertSame(out, Html.append(out, text));
        assertEquals("before:" + Html.escape(text), out.toString());
        assertEquals("before:&lt;a href=&quot;?x=1&amp;y=2&quot;&gt;it's&lt;/a&gt;", out.toString());
    }
}
