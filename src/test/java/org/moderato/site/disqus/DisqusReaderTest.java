package org.moderato.site.disqus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moderato.article.wordpress.WxrFormatException;

class DisqusReaderTest {

    private static List<DisqusEntry> read(InputStream in) {
        List<DisqusEntry> entries = new ArrayList<>();
        try (DisqusReader reader = new DisqusReader(in)) {
            for (DisqusEntry entry = reader.next(); entry != null; entry = reader.next()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static InputStream fixture() {
        return DisqusReaderTest.class.getResourceAsStream("/disqus/export.xml");
    }

    @Test
    void readsThreadsAndPostsWithTheirReferences() {
        List<DisqusEntry> entries = read(fixture());
        List<DisqusEntry.Thread> threads = entries.stream().filter(DisqusEntry.Thread.class::isInstance).map(DisqusEntry.Thread.class::cast).toList();
        List<DisqusEntry.Post> posts = entries.stream().filter(DisqusEntry.Post.class::isInstance).map(DisqusEntry.Post.class::cast).toList();
        assertEquals(5, threads.size());
        assertEquals(7, posts.size(), "the post without a dsq:id is left out");

        DisqusEntry.Thread tides = threads.get(0);
        assertEquals(101, tides.dsqId());
        assertEquals("post-17", tides.identifier());
        assertEquals("https://blog.example.org/2019/05/tides/", tides.link());
        assertEquals("Tides & moons", tides.title());
        assertEquals(Instant.parse("2019-05-01T08:00:00Z"), tides.createdAt());
        assertFalse(tides.closed());
        assertTrue(threads.get(1).closed());
        assertEquals("", threads.get(1).identifier());
        assertTrue(threads.get(3).deleted());

        DisqusEntry.Post first = posts.get(0);
        assertEquals(2001, first.dsqId());
        assertEquals(101, first.threadId());
        assertEquals(0, first.parentId());
        assertTrue(first.message().startsWith("<p>High tide was at <b>six</b>.</p>"), first.message());
        assertEquals("Ada Tidewatcher", first.authorName());
        assertEquals("ada-canary@ada-mailhost.test", first.authorEmail());
        assertEquals("198.51.100.7", first.ipAddress());
        assertTrue(first.approved());

        DisqusEntry.Post guest = posts.get(1);
        assertEquals(2002, guest.parentId());
        assertEquals("", guest.authorEmail());
        assertEquals("Guest Grace", guest.authorName());
        assertTrue(posts.stream().anyMatch(p -> p.dsqId() == 2004 && p.spam()));
        assertTrue(posts.stream().anyMatch(p -> p.dsqId() == 2005 && p.deleted()));
    }

    @Test
    void countsWhatItCouldNotRead() {
        try (DisqusReader reader = new DisqusReader(fixture())) {
            while (reader.next() != null) {
                // read to the end
            }
            assertEquals(1, reader.unreadable());
        }
    }

    @Test
    void refusesAFileThatIsNotADisqusExport() {
        WxrFormatException refused = assertThrows(WxrFormatException.class,
                () -> read(stream("<rss version=\"2.0\"><channel/></rss>")));
        assertTrue(refused.getMessage().contains("This is not a Disqus export"), refused.getMessage());
    }

    @Test
    void refusesABrokenFileWithItsLine() {
        WxrFormatException refused = assertThrows(WxrFormatException.class,
                () -> read(stream("<disqus xmlns=\"http://disqus.com\">\n<thread>\n</disqus>")));
        assertTrue(refused.getMessage().startsWith("Line 3: The file is not well-formed XML"), refused.getMessage());
    }

    @Test
    void neverReadsExternalEntities() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE disqus [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<disqus xmlns=\"http://disqus.com\" xmlns:dsq=\"http://disqus.com/disqus-internals\">"
                + "<thread dsq:id=\"1\"><link>https://blog.example.org/</link><title>&secret;</title></thread></disqus>";
        // the parser refuses the entity outright, so nothing of the file it names can arrive
        assertThrows(WxrFormatException.class, () -> read(stream(hostile)));
    }

    @Test
    void anUnknownDateIsLeftUnknown() {
        List<DisqusEntry> entries = read(stream("<disqus xmlns=\"http://disqus.com\" xmlns:dsq=\"http://disqus.com/disqus-internals\">"
                + "<thread dsq:id=\"7\"><link>https://blog.example.org/a</link><createdAt>2011-x09-30</createdAt></thread></disqus>"));
        assertNull(((DisqusEntry.Thread) entries.get(0)).createdAt());
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
