package org.moderato.article.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WxrReaderTest {

    static InputStream fixture() {
        return WxrReaderTest.class.getResourceAsStream("/wordpress/fixture.xml");
    }

    static String fixtureText() throws IOException {
        try (InputStream in = fixture()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<WxrEntry> readAll(InputStream in) {
        List<WxrEntry> entries = new ArrayList<>();
        try (WxrReader reader = new WxrReader(in)) {
            for (WxrEntry e = reader.next(); e != null; e = reader.next()) {
                entries.add(e);
            }
        }
        return entries;
    }

    private static List<WxrEntry> readAll(String xml) {
        return readAll(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheSiteThenEachItemFollowedByItsComments() {
        List<WxrEntry> entries = readAll(fixture());
        WxrEntry.Site site = assertInstanceOf(WxrEntry.Site.class, entries.get(0));
        assertEquals("https://fixture.example/blog", site.key());
        assertEquals("1.2", site.wxrVersion());
        assertEquals("Fixture Blog", site.title());

        List<String> shape = entries.stream().skip(1).map(e -> e instanceof WxrEntry.Item i ? "item " + i.postId() + " " + i.type()
                : "comment " + ((WxrEntry.Comment) e).commentId()).toList();
        assertEquals(List.of("item 10 post", "comment 101", "comment 102", "comment 103", "comment 104", "comment 105",
                "comment 106", "comment 107", "comment 108", "comment 109",
                "item 11 post", "comment 201", "comment 202", "item 12 post", "item 13 post",
                "item 20 page", "comment 301", "item 30 attachment"), shape);
    }

    @Test
    void itemFieldsComeFromTheirWordPressElements() {
        List<WxrEntry> entries = readAll(fixture());
        WxrEntry.Item hello = (WxrEntry.Item) entries.get(1);
        assertEquals("Hello, world", hello.title());
        assertEquals("hello-world", hello.slug());
        assertEquals("editor", hello.creator());
        assertEquals("publish", hello.status());
        assertEquals(Instant.parse("2025-05-31T14:00:00Z"), hello.date(), "the GMT date wins over the local one");
        assertTrue(hello.commentsOpen());
        assertTrue(hello.content().startsWith("Welcome to the fixture."));

        WxrEntry.Item cologne = (WxrEntry.Item) entries.get(11);
        assertEquals("Grüße aus Köln – 日本語", cologne.title());
        assertEquals("%e6%97%a5%e6%9c%ac", cologne.slug());
        assertEquals("zoë", cologne.creator());
        assertTrue(cologne.content().contains("<code>if (a ]]> b) { return \"]]>\"; }</code>"), "split CDATA is joined: " + cologne.content());
        assertEquals(false, cologne.commentsOpen());

        WxrEntry.Item draft = (WxrEntry.Item) entries.get(14);
        assertEquals("draft", draft.status());
        assertEquals(Instant.parse("2025-06-02T12:00:00Z"), draft.date(), "a zero GMT date falls back to the local date");
    }

    @Test
    void commentFieldsComeFromTheirWordPressElements() {
        List<WxrEntry> entries = readAll(fixture());
        WxrEntry.Comment first = (WxrEntry.Comment) entries.get(2);
        assertEquals(10, first.postId());
        assertEquals("Alice Approved", first.author());
        assertEquals("alice@example.org", first.email());
        assertEquals("https://alice.example/", first.url());
        assertEquals("192.0.2.10", first.ip());
        assertEquals(Instant.parse("2025-06-01T08:00:00Z"), first.date());
        assertEquals("1", first.approved());
        assertEquals("comment", first.type());
        assertEquals(0, first.parent());
        assertTrue(first.content().contains("<a href=\"https://alice.example/notes\" rel=\"nofollow ugc\">my notes</a> &amp; more."));

        WxrEntry.Comment third = (WxrEntry.Comment) entries.get(4);
        assertEquals(102, third.parent());
        WxrEntry.Comment pingback = (WxrEntry.Comment) entries.get(8);
        assertEquals("pingback", pingback.type());
        assertEquals("[&#8230;] as the fixture says [&#8230;]", pingback.content());
        WxrEntry.Comment zoe = (WxrEntry.Comment) entries.get(12);
        assertEquals("Zoë Ünïcödé 🎉", zoe.author());
        assertTrue(zoe.content().contains("CDATA end inside: ]]> and"), zoe.content());
    }

    @Test
    void aTruncatedFileFailsWithTheLineWhereReadingStopped() throws IOException {
        String text = fixtureText();
        String cut = text.substring(0, text.indexOf("<wp:comment_id>104</wp:comment_id>"));
        int lines = cut.split("\n", -1).length;
        WxrFormatException e = assertThrows(WxrFormatException.class, () -> readAll(cut));
        assertTrue(e.line() >= lines - 1 && e.line() <= lines + 1, e.line() + " vs " + lines);
        assertTrue(e.getMessage().startsWith("Line " + e.line() + ": The file is not well-formed XML"), e.getMessage());
    }

    @Test
    void aMismatchedTagIsReportedOnItsLine() {
        String xml = "<?xml version=\"1.0\"?>\n<rss xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n"
                + "<wp:wxr_version>1.2</wp:wxr_version>\n<wp:base_site_url>https://x.example</wp:base_site_url>\n"
                + "<item><title>ok</title>\n<wp:post_id>1</wp:post_id>\n</channel>\n</rss>\n";
        WxrFormatException e = assertThrows(WxrFormatException.class, () -> readAll(xml));
        assertEquals(8, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("item"), e.getMessage());
    }

    @Test
    void filesThatAreNotWordPressExportsSaySo() {
        WxrFormatException html = assertThrows(WxrFormatException.class, () -> readAll("<html><body>hi</body></html>"));
        assertEquals("Line 1: This is not a WordPress export (WXR) file: it starts with <html>, not <rss>.", html.getMessage());

        WxrFormatException plainRss = assertThrows(WxrFormatException.class, () -> readAll(
                "<rss version=\"2.0\"><channel><title>News</title>\n<item><title>x</title></item></channel></rss>"));
        assertTrue(plainRss.getMessage().contains("the channel has no <wp:wxr_version>"), plainRss.getMessage());

        WxrFormatException empty = assertThrows(WxrFormatException.class, () -> readAll(""));
        assertTrue(empty.getMessage().contains("not well-formed") || empty.getMessage().contains("empty"), empty.getMessage());

        WxrFormatException text = assertThrows(WxrFormatException.class, () -> readAll("just some text\n"));
        assertTrue(text.getMessage().startsWith("Line 1: "), text.getMessage());
    }

    @Test
    void aBadNumberNamesTheElementAndLine() {
        String xml = "<rss xmlns:wp=\"http://wordpress.org/export/1.1/\"><channel>\n<wp:wxr_version>1.1</wp:wxr_version>"
                + "<wp:base_site_url>https://x.example</wp:base_site_url>\n<item>\n<wp:post_id>ten</wp:post_id>\n</item></channel></rss>";
        WxrFormatException e = assertThrows(WxrFormatException.class, () -> readAll(xml));
        assertEquals("Line 3: <wp:post_id> should be a number, not \u201cten\u201d.", e.getMessage());
    }

    @Test
    void externalEntitiesAreNeverRead() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><wp:wxr_version>1.2</wp:wxr_version>"
                + "<wp:base_site_url>https://x.example</wp:base_site_url><item><title>&x;</title><wp:post_id>1</wp:post_id></item></channel></rss>";
        List<WxrEntry> entries;
        try {
            entries = readAll(xml);
        } catch (WxrFormatException refused) {
            return;
        }
        WxrEntry.Item item = (WxrEntry.Item) entries.get(1);
        assertTrue(item.title() == null || !item.title().contains("root:"), item.title());
    }

    @Test
    void aSiteWithoutItemsIsStillASite() {
        List<WxrEntry> entries = readAll("<rss xmlns:wp=\"http://wordpress.org/export/1.0/\"><channel><wp:wxr_version>1.0</wp:wxr_version>"
                + "<wp:base_site_url>https://empty.example/</wp:base_site_url></channel></rss>");
        assertEquals(1, entries.size());
        assertEquals("https://empty.example", ((WxrEntry.Site) entries.get(0)).key());
        assertNull(((WxrEntry.Site) entries.get(0)).baseBlogUrl());
    }
}
