package org.moderato.article.wordpress;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.moderato.platform.SafeXml;
import org.moderato.article.wordpress.WxrEntry.Comment;
import org.moderato.article.wordpress.WxrEntry.Item;
import org.moderato.article.wordpress.WxrEntry.Site;

/**
 * Reads a WordPress export (WXR) as a stream of {@link WxrEntry entries}: the site, then each item
 * and its comments, one at a time, so memory does not grow with the file. Elements it does not use
 * (authors, terms, categories, post meta, comment meta, ...) are skipped whole. DTDs and external
 * entities are refused, so a file cannot make the server read other files or expand entity bombs.
 */
public final class WxrReader implements AutoCloseable {

    private static final Pattern WP_NAMESPACE = Pattern.compile("http://wordpress\\.org/export/\\d+\\.\\d+/");
    private static final String CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC_NAMESPACE = "http://purl.org/dc/elements/1.1/";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private enum Phase { START, CHANNEL, ITEM, DONE }

    private final XMLStreamReader xml;
    private final Deque<WxrEntry> ready = new ArrayDeque<>(2);
    private Phase phase = Phase.START;
    private final Map<String, String> channel = new HashMap<>();
    private boolean siteSeen;
    private Map<String, String> item;
    private int itemLine;
    private Item currentItem;

    public WxrReader(InputStream in) {
        try {
            xml = SafeXml.reader(in);
        } catch (XMLStreamException e) {
            throw broken(e);
        }
    }

    /** The next entry, or null at the end of the file. */
    public WxrEntry next() {
        try {
            while (ready.isEmpty() && phase != Phase.DONE) {
                switch (phase) {
                    case START -> openChannel();
                    case CHANNEL -> channelStep();
                    case ITEM -> itemStep();
                    default -> throw new IllegalStateException();
                }
            }
            return ready.poll();
        } catch (XMLStreamException e) {
            throw broken(e);
        }
    }

    private void openChannel() throws XMLStreamException {
        if (!toNextStart()) {
            throw new WxrFormatException("The file is empty: a WordPress export starts with <rss>.", SafeXml.line(xml));
        }
        if (!"rss".equals(xml.getLocalName())) {
            throw new WxrFormatException("This is not a WordPress export (WXR) file: it starts with <" + xml.getLocalName()
                    + ">, not <rss>.", SafeXml.line(xml));
        }
        while (toNextStart()) {
            if ("channel".equals(xml.getLocalName())) {
                phase = Phase.CHANNEL;
                return;
            }
            SafeXml.skipElement(xml);
        }
        throw new WxrFormatException("This is not a WordPress export (WXR) file: it has no <channel>.", SafeXml.line(xml));
    }

    private void channelStep() throws XMLStreamException {
        int event = xml.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
            // </channel>: a site without items is still a site
            emitSiteOnce();
            phase = Phase.DONE;
        } else if (event == XMLStreamConstants.START_ELEMENT) {
            String key = key();
            if ("item".equals(key)) {
                emitSiteOnce();
                item = new HashMap<>();
                itemLine = SafeXml.line(xml);
                currentItem = null;
                phase = Phase.ITEM;
            } else if ("title".equals(key) || "wp:base_site_url".equals(key) || "wp:base_blog_url".equals(key)
                    || "wp:wxr_version".equals(key)) {
                channel.put(key, xml.getElementText().strip());
            } else {
                SafeXml.skipElement(xml);
            }
        } else if (event == XMLStreamConstants.END_DOCUMENT) {
            throw new WxrFormatException("The file ends before </channel>.", SafeXml.line(xml));
        }
    }

    private void itemStep() throws XMLStreamException {
        int event = xml.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
            // </item>
            emitItemOnce();
            phase = Phase.CHANNEL;
        } else if (event == XMLStreamConstants.START_ELEMENT) {
            String key = key();
            if ("wp:comment".equals(key)) {
                // WordPress writes the post's fields first; a field after a comment would come too late to count
                emitItemOnce();
                ready.add(readComment());
            } else if (key == null || "wp:postmeta".equals(key) || "category".equals(key)) {
                SafeXml.skipElement(xml);
            } else if (currentItem == null) {
                item.put(key, xml.getElementText());
            } else {
                SafeXml.skipElement(xml);
            }
        }
    }

    private Comment readComment() throws XMLStreamException {
        int commentLine = SafeXml.line(xml);
        Map<String, String> fields = new HashMap<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String key = key();
            if (key == null || "wp:commentmeta".equals(key)) {
                SafeXml.skipElement(xml);
            } else {
                fields.put(key, xml.getElementText());
            }
        }
        long commentId = number(fields.get("wp:comment_id"), "wp:comment_id", commentLine, true);
        Instant date = date(fields.get("wp:comment_date_gmt"), fields.get("wp:comment_date"), null, commentLine);
        return new Comment(currentItem.postId(), commentId,
                trimmed(fields.get("wp:comment_author")), trimmed(fields.get("wp:comment_author_email")),
                trimmed(fields.get("wp:comment_author_url")), trimmed(fields.get("wp:comment_author_IP")),
                date, fields.getOrDefault("wp:comment_content", ""),
                trimmed(fields.getOrDefault("wp:comment_approved", "1")),
                trimmed(fields.getOrDefault("wp:comment_type", "")),
                number(fields.get("wp:comment_parent"), "wp:comment_parent", commentLine, false));
    }

    private void emitSiteOnce() {
        if (siteSeen) {
            return;
        }
        String version = channel.get("wp:wxr_version");
        String site = channel.get("wp:base_site_url");
        if (version == null || site == null || site.isBlank()) {
            throw new WxrFormatException("This is not a WordPress export (WXR) file: the channel has no "
                    + (version == null ? "<wp:wxr_version>" : "<wp:base_site_url>") + ". Export it again from WordPress"
                    + " (Tools \u2192 Export).", SafeXml.line(xml));
        }
        siteSeen = true;
        ready.add(new Site(channel.get("title"), site, channel.get("wp:base_blog_url"), version));
    }

    private void emitItemOnce() {
        if (currentItem != null) {
            return;
        }
        currentItem = new Item(
                number(item.get("wp:post_id"), "wp:post_id", itemLine, true),
                trimmed(item.getOrDefault("wp:post_type", "post")),
                trimmed(item.getOrDefault("wp:status", "publish")),
                trimmed(item.get("title")),
                trimmed(item.get("wp:post_name")),
                trimmed(item.get("dc:creator")),
                date(item.get("wp:post_date_gmt"), item.get("wp:post_date"), item.get("pubDate"), itemLine),
                item.getOrDefault("content:encoded", ""),
                !"closed".equals(trimmed(item.get("wp:comment_status"))));
        item = null;
        ready.add(currentItem);
    }

    /** "wp:post_id", "content:encoded", "dc:creator", "title"; null for namespaces this reader does not use. */
    private String key() {
        String namespace = xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (namespace == null || namespace.isEmpty()) {
            return local;
        }
        if (WP_NAMESPACE.matcher(namespace).matches()) {
            return "wp:" + local;
        }
        if (CONTENT_NAMESPACE.equals(namespace)) {
            return "content:" + local;
        }
        if (DC_NAMESPACE.equals(namespace)) {
            return "dc:" + local;
        }
        return null;
    }

    private boolean toNextStart() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }


    private static long number(String text, String element, int line, boolean required) {
        String value = trimmed(text);
        if (value == null || value.isEmpty()) {
            if (required) {
                throw new WxrFormatException("<" + element + "> is missing.", line);
            }
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new WxrFormatException("<" + element + "> should be a number, not \u201c" + shorten(value) + "\u201d.", line);
        }
    }

    /** GMT date first; WordPress writes "0000-00-00 00:00:00" for drafts, then the local date (read as UTC) or pubDate. */
    private static Instant date(String gmt, String local, String rfc822, int line) {
        for (String candidate : new String[] {gmt, local}) {
            String value = trimmed(candidate);
            if (value != null && !value.isEmpty() && !value.startsWith("0000-00-00")) {
                try {
                    return LocalDateTime.parse(value, WP_DATE).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new WxrFormatException("\u201c" + shorten(value) + "\u201d is not a date like 2024-05-31 14:00:00.", line);
                }
            }
        }
        String value = trimmed(rfc822);
        if (value != null && !value.isEmpty()) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException ignored) {
                // pubDate is only a fallback; WordPress writes the wp: dates too
            }
        }
        return null;
    }

    private static String trimmed(String text) {
        return text == null ? null : text.strip();
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "\u2026";
    }


    private static WxrFormatException broken(XMLStreamException e) {
        return WxrFormatException.notWellFormed(e);
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing a reader of a stream the caller owns: nothing to release
        }
    }
}
