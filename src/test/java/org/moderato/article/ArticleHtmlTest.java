package org.moderato.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArticleHtmlTest {

    @Test
    void markdownBecomesTheUsualHtml() {
        String html = ArticleHtml.render(BodyFormat.MARKDOWN, """
                # Title

                Some *emphasis*, **strong** and `code`, a [link](https://example.com/a?b=1&c=2).

                > quoted

                - one
                - two

                1. first

                ```java
                int x = 1 < 2 ? 1 : 0;
                ```

                ![a cat](https://example.com/cat.png "Cat")
                """);
        assertTrue(html.contains("<h1>Title</h1>"), html);
        assertTrue(html.contains("<em>emphasis</em>"));
        assertTrue(html.contains("<strong>strong</strong>"));
        assertTrue(html.contains("<code>code</code>"));
        assertTrue(html.contains("<a href=\"https://example.com/a?b&#61;1&amp;c&#61;2\">link</a>"), html);
        assertTrue(html.contains("<blockquote>"));
        assertTrue(html.contains("<ul><li>one</li>") || html.contains("<ul>\n<li>one</li>"), html);
        assertTrue(html.contains("<ol>"));
        assertTrue(html.contains("<pre><code class=\"language-java\">int x &#61; 1 &lt; 2 ? 1 : 0;"), html);
        assertTrue(html.contains("<img src=\"https://example.com/cat.png\" alt=\"a cat\" title=\"Cat\" />"), html);
    }

    @Test
    void markdownTablesAreKept() {
        String html = ArticleHtml.render(BodyFormat.MARKDOWN, """
                | Name | Count |
                |:-----|------:|
                | a    | 1     |
                """);
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<th align=\"left\">Name</th>"), html);
        assertTrue(html.contains("<td align=\"right\">1</td>"), html);
    }

    @Test
    void scriptsStylesHandlersAndDangerousLinksAreRemovedFromHtml() {
        String html = ArticleHtml.render(BodyFormat.HTML, """
                <p onclick="steal()" style="color:red" class="x">Hello<script>alert(1)</script></p>
                <a href="javascript:alert(1)">bad</a> <a href="https://ok.example/" target="_blank">good</a>
                <img src="x" onerror="alert(1)"><iframe src="https://evil.example/"></iframe>
                <form action="/login"><input name="password"></form><style>body{}</style>
                <!-- wp:paragraph --><svg><script>alert(2)</script></svg>
                """);
        for (String banned : new String[] {"script", "alert", "onclick", "style", "class=", "javascript", "iframe", "form", "input",
                                           "onerror", "wp:paragraph", "target", "svg"}) {
            assertFalse(html.contains(banned), banned + " in " + html);
        }
        assertTrue(html.contains("<p>Hello</p>"), html);
        assertTrue(html.contains("<a href=\"https://ok.example/\">good</a>"), html);
        assertTrue(html.contains("bad"), "the text of a removed link stays");
    }

    @Test
    void rawHtmlInsideMarkdownGoesThroughTheSameAllowList() {
        String html = ArticleHtml.render(BodyFormat.MARKDOWN, "Hi <script>alert(1)</script> <b>bold</b>\n\n[x](javascript:alert(1))");
        assertFalse(html.contains("script"), html);
        assertFalse(html.contains("javascript"), html);
        assertTrue(html.contains("<b>bold</b>"), html);
    }

    @Test
    void pastedHtmlKeepsTheArticleElements() {
        String source = "<h2>Part</h2><p>A <em>b</em> <code>c</code></p><blockquote><p>q</p></blockquote>"
                + "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>"
                + "<figure><img src=\"/static/a.png\" alt=\"a\" /><figcaption>cap</figcaption></figure>";
        assertEquals(source, ArticleHtml.render(BodyFormat.HTML, source));
    }

    @Test
    void nonAsciiTextSurvives() {
        String html = ArticleHtml.render(BodyFormat.MARKDOWN, "Grüße aus Köln — 日本語 😀");
        // characters outside the Basic Multilingual Plane come out as character references, which browsers show the same
        assertEquals("<p>Grüße aus Köln — 日本語 &#x1f600;</p>", html);
    }
}
