package org.moderato.site.disqus;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.moderato.platform.SafeXml;
import org.moderato.article.wordpress.WxrFormatException;

/**
 * Reads a Disqus export ({@code <disqus xmlns="http://disqus.com">}) one thread or post at a time, so a
 * file of any size takes the memory of one element. DTDs and external entities are off. Categories
 * are skipped; an element this reader does not know is skipped whole. A post without a numeric
 * {@code dsq:id} or thread cannot be matched on a second import and is reported, not stored.
 */
public final class DisqusReader implements AutoCloseable {

    static final String INTERNALS = "http://disqus.com/disqus-internals";
    private static final int MAX_FIELD = 1_000_000;

    private final XMLStreamReader xml;
    private boolean started;
    private int unreadable;

    public DisqusReader(InputStream in) {
        try {
            xml = SafeXml.reader(in);
        } catch (XMLStreamException e) {
            throw broken(e);
        }
    }

    /** Posts and threads that had no usable id (counted, not stored). */
    public int unreadable() {
        return unreadable;
    }

    /** The next thread or post, or null at the end of the file. */
    public DisqusEntry next() {
        try {
            if (!started) {
                open();
            }
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return null;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if ("thread".equals(name)) {
                    DisqusEntry.Thread thread = thread();
                    if (thread != null) {
                        return thread;
                    }
                } else if ("post".equals(name)) {
                    DisqusEntry.Post post = post();
                    if (post != null) {
                        return post;
                    }
                } else {
                    SafeXml.skipElement(xml);
                }
            }
            throw new WxrFormatException("The file ends before </disqus>.", SafeXml.line(xml));
        } catch (XMLStreamException e) {
            throw broken(e);
        }
    }

    private void open() throws XMLStreamException {
        started = true;
        while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
            // the prolog and comments before the root
        }
        if (!xml.isStartElement() || !"disqus".equals(xml.getLocalName())) {
            throw new WxrFormatException("This is not a Disqus export: it starts with <"
                    + (xml.isStartElement() ? xml.getLocalName() : "nothing") + ">, not <disqus>.", SafeXml.line(xml));
        }
    }

    private DisqusEntry.Thread thread() throws XMLStreamException {
        long id = dsqId();
        Map<String, String> fields = fields();
        if (id <= 0) {
            unreadable++;
            return null;
        }
        return new DisqusEntry.Thread(id, fields.getOrDefault("id", ""), fields.getOrDefault("link", ""),
                fields.getOrDefault("title", ""), date(fields.get("createdAt")), "true".equals(fields.get("isClosed")),
                "true".equals(fields.get("isDeleted")));
    }

    private DisqusEntry.Post post() throws XMLStreamException {
        long id = dsqId();
        Map<String, String> fields = fields();
        long thread = number(fields.get("thread@dsq:id"));
        if (id <= 0 || thread <= 0) {
            unreadable++;
            return null;
        }
        return new DisqusEntry.Post(id, thread, Math.max(0, number(fields.get("parent@dsq:id"))),
                fields.getOrDefault("message", ""), date(fields.get("createdAt")), "true".equals(fields.get("isDeleted")),
                "true".equals(fields.get("isSpam")), !"false".equals(fields.get("isApproved")),
                fields.getOrDefault("author/name", ""), fields.getOrDefault("author/email", ""), fields.getOrDefault("ipAddress", ""));
    }

    /**
     * The children of the element just opened, by name; the author's as {@code author/name}; a reference
     * to another element ({@code <thread dsq:id="1"/>}) as {@code thread@dsq:id}. Ends on the element's end.
     */
    private Map<String, String> fields() throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                String ref = xml.getAttributeValue(INTERNALS, "id");
                if ("author".equals(name)) {
                    children("author/", fields);
                } else if (ref != null) {
                    fields.put(name + "@dsq:id", ref);
                    SafeXml.skipElement(xml);
                } else {
                    fields.put(name, text());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return fields;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new WxrFormatException("The file ends inside an element.", SafeXml.line(xml));
            }
        }
    }

    private void children(String prefix, Map<String, String> fields) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                fields.put(prefix + xml.getLocalName(), text());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new WxrFormatException("The file ends inside an element.", SafeXml.line(xml));
            }
        }
    }

    /** The text of the element just opened, stripped; elements inside it (none in Disqus's format) are skipped. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                    && text.length() < MAX_FIELD) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new WxrFormatException("The file ends inside an element.", SafeXml.line(xml));
            }
        }
        return (text.length() > MAX_FIELD ? text.substring(0, MAX_FIELD) : text.toString()).strip();
    }

    private long dsqId() {
        return number(xml.getAttributeValue(INTERNALS, "id"));
    }

    private static long number(String value) {
        if (value == null || !value.strip().matches("\\d{1,18}")) {
            return -1;
        }
        return Long.parseLong(value.strip());
    }

    /** Disqus writes ISO 8601 in UTC ({@code 2011-03-07T20:46:25Z}); anything else is taken as unknown. */
    private static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }



    private static WxrFormatException broken(XMLStreamException e) {
        return WxrFormatException.notWellFormed(e);
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing a reader over a request stream the container closes anyway
        }
    }
}
