package org.moderato.comment.feed;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** RSS 2.0 and Atom 1.0, written with a real XML writer so every name and text is escaped by it. */
public enum FeedFormat {

    RSS("application/rss+xml") {
        @Override
        void write(Feed feed, XMLStreamWriter xml) throws XMLStreamException {
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("atom", ATOM_NS);
            xml.writeNamespace("dc", DC_NS);
            xml.writeStartElement("channel");
            element(xml, "title", feed.title());
            element(xml, "link", feed.pageUrl());
            xml.writeEmptyElement(ATOM_NS, "link");
            xml.writeAttribute("href", feed.selfUrl());
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", contentType);
            element(xml, "description", feed.title());
            element(xml, "lastBuildDate", RFC_822.format(feed.updated()));
            for (FeedEntry entry : feed.entries()) {
                xml.writeStartElement("item");
                element(xml, "title", feed.entryTitle().apply(entry));
                element(xml, "link", feed.permalink(entry));
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "false");
                text(xml, feed.entryId(entry));
                xml.writeEndElement();
                xml.writeStartElement(DC_NS, "creator");
                text(xml, entry.authorName());
                xml.writeEndElement();
                element(xml, "pubDate", RFC_822.format(entry.createdAt().truncatedTo(ChronoUnit.SECONDS)));
                element(xml, "description", entry.bodyHtml());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
    },

    ATOM("application/atom+xml") {
        @Override
        void write(Feed feed, XMLStreamWriter xml) throws XMLStreamException {
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM_NS);
            element(xml, "title", feed.title());
            link(xml, feed.selfUrl(), "self");
            link(xml, feed.pageUrl(), "alternate");
            element(xml, "id", feed.selfUrl());
            element(xml, "updated", rfc3339(feed.updated()));
            for (FeedEntry entry : feed.entries()) {
                xml.writeStartElement("entry");
                element(xml, "title", feed.entryTitle().apply(entry));
                link(xml, feed.permalink(entry), "alternate");
                element(xml, "id", feed.entryId(entry));
                xml.writeStartElement("author");
                element(xml, "name", entry.authorName());
                xml.writeEndElement();
                element(xml, "published", rfc3339(entry.createdAt()));
                element(xml, "updated", rfc3339(entry.lastChange()));
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                text(xml, entry.bodyHtml());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
    };

    /** What a feed says about itself; addresses are absolute, as feed readers need them. */
    /** {@code entryTitle}: how an entry is titled in the feed's language ("By Ada on Tides"). */
    public record Feed(String title, String pageUrl, String selfUrl, String siteUrl, Instant updated, List<FeedEntry> entries,
                       java.util.function.Function<FeedEntry, String> entryTitle) {
        String permalink(FeedEntry entry) {
            return siteUrl + "/articles/" + entry.articleSlug() + "?comment=" + entry.id();
        }

        /** Stable whatever the article's slug becomes. */
        String entryId(FeedEntry entry) {
            return siteUrl + "/?comment=" + entry.id();
        }
    }

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newInstance();

    final String contentType;

    FeedFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public void write(Feed feed, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
        xml.setPrefix("atom", ATOM_NS);
        xml.setPrefix("dc", DC_NS);
        xml.writeStartDocument("UTF-8", "1.0");
        write(feed, xml);
        xml.writeEndDocument();
        xml.close();
    }

    abstract void write(Feed feed, XMLStreamWriter xml) throws XMLStreamException;

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        text(xml, text);
        xml.writeEndElement();
    }

    /** The writer escapes markup but passes on characters XML 1.0 forbids (imports may carry them): drop those. */
    private static void text(XMLStreamWriter xml, String text) throws XMLStreamException {
        StringBuilder legal = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000)
                .forEach(legal::appendCodePoint);
        xml.writeCharacters(legal.toString());
    }

    /** Whole seconds: feed readers' date parsers do not all take fractions. */
    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void link(XMLStreamWriter xml, String href, String rel) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}
