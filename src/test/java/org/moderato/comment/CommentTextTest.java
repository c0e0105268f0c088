package org.moderato.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class CommentTextTest {

    @Test
    void markupIsEscapedNotRendered() {
        String html = CommentText.toHtml("<script>alert('x')</script> & \"quotes\"");
        assertEquals("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;</p>\n", html);
        assertFalse(html.contains("<script"));
    }

    @Test
    void blankLinesMakeParagraphsAndSingleNewlinesBreaks() {
        assertEquals("<p>one<br>\ntwo</p>\n<p>three</p>\n", CommentText.toHtml("one\ntwo\n\n\nthree"));
    }
}
