package org.moderato.article.wordpress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.moderato.privacy.EmailVault;

/**
 * Writes every article and comment as a WXR 1.2 file that WordPress's importer (Tools → Import →
 * WordPress) reads: posts with their slug, date, status and comment setting, comments with author,
 * address (only when a vault is given to decrypt it), website, IP, date, status and thread. Rows are
 * streamed from the database straight to the output, so the export needs no memory per comment.
 */
public final class WxrWriter {

    static final String WP = "http://wordpress.org/export/1.2/";
    private static final java.util.Map<String, String> PREFIXES = java.util.Map.of(
            WP, "wp", "http://purl.org/rss/1.0/modules/content/", "content",
            "http://purl.org/dc/elements/1.1/", "dc", "http://wordpress.org/export/1.2/excerpt/", "excerpt");
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** How much went out, for the audit row. */
    public record Counts(int articles, int comments) {}

    private final Connection db;
    private final EmailVault emails;
    private final String siteUrl;
    private final Instant now;

    /** {@code emails} null leaves every address out of the file. */
    public WxrWriter(Connection db, EmailVault emails, String siteUrl, Instant now) {
        this.db = db;
        this.emails = emails;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        this.now = now;
    }

    public Counts write(OutputStream out) throws SQLException, XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("excerpt", "http://wordpress.org/export/1.2/excerpt/");
        xml.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
        xml.writeNamespace("wfw", "http://wellformedweb.org/CommentAPI/");
        xml.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
        xml.writeNamespace("wp", WP);
        xml.writeCharacters("\n");
        xml.writeStartElement("channel");
        text(xml, "title", "Moderato");
        text(xml, "link", siteUrl);
        text(xml, "description", "Articles and comments exported from Moderato");
        text(xml, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
        text(xml, "language", "en");
        wp(xml, "wxr_version", "1.2");
        wp(xml, "base_site_url", siteUrl);
        wp(xml, "base_blog_url", siteUrl);
        text(xml, "generator", "Moderato");
        int articles = 0;
        int comments = 0;
        try (PreparedStatement select = db.prepareStatement("SELECT id, slug, title, byline, body_html, status, published_at,"
                + " comments_open, updated_at FROM articles ORDER BY id");
             PreparedStatement commentsOf = db.prepareStatement("SELECT id, parent_id, author_name, email_ciphertext, website,"
                     + " ip_address, created_at, body, status FROM comments WHERE article_id = ? ORDER BY id")) {
            select.setFetchSize(100);
            commentsOf.setFetchSize(1000);
            try (ResultSet a = select.executeQuery()) {
                while (a.next()) {
                    articles++;
                    comments += item(xml, a, commentsOf);
                }
            }
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        return new Counts(articles, comments);
    }

    private int item(XMLStreamWriter xml, ResultSet a, PreparedStatement commentsOf) throws SQLException, XMLStreamException {
        long id = a.getLong("id");
        String slug = a.getString("slug");
        Instant published = instant(a.getTimestamp("published_at"));
        boolean draft = "DRAFT".equals(a.getString("status"));
        String status = draft ? "draft" : published.isAfter(now) ? "future" : "publish";
        Instant date = published != null ? published : instant(a.getTimestamp("updated_at"));
        xml.writeCharacters("\n");
        xml.writeStartElement("item");
        cdata(xml, null, "title", a.getString("title"));
        text(xml, "link", siteUrl + "/articles/" + slug);
        text(xml, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC)));
        cdata(xml, "http://purl.org/dc/elements/1.1/", "creator", a.getString("byline"));
        xml.writeCharacters("\n\t\t");
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "false");
        xml.writeCharacters(siteUrl + "/?p=" + id);
        xml.writeEndElement();
        text(xml, "description", "");
        cdata(xml, "http://purl.org/rss/1.0/modules/content/", "encoded", a.getString("body_html"));
        cdata(xml, "http://wordpress.org/export/1.2/excerpt/", "encoded", "");
        wp(xml, "post_id", Long.toString(id));
        wp(xml, "post_date", WP_DATE.format(date));
        // WordPress's own exports mark a draft that was never dated with a zero GMT date
        wp(xml, "post_date_gmt", published == null ? "0000-00-00 00:00:00" : WP_DATE.format(published));
        wp(xml, "comment_status", a.getBoolean("comments_open") ? "open" : "closed");
        wp(xml, "ping_status", "closed");
        wp(xml, "post_name", slug);
        wp(xml, "status", status);
        wp(xml, "post_parent", "0");
        wp(xml, "menu_order", "0");
        wp(xml, "post_type", "post");
        wp(xml, "post_password", "");
        wp(xml, "is_sticky", "0");
        int count = 0;
        commentsOf.setLong(1, id);
        try (ResultSet c = commentsOf.executeQuery()) {
            while (c.next()) {
                count++;
                comment(xml, c);
            }
        }
        xml.writeCharacters("\n\t");
        xml.writeEndElement();
        return count;
    }

    private void comment(XMLStreamWriter xml, ResultSet c) throws SQLException, XMLStreamException {
        Instant created = instant(c.getTimestamp("created_at"));
        long parent = c.getLong("parent_id");
        boolean topLevel = c.wasNull() || parent == 0;
        xml.writeCharacters("\n\t\t");
        xml.writeStartElement("wp", "comment", WP);
        wp(xml, "comment_id", Long.toString(c.getLong("id")));
        cdata(xml, WP, "comment_author", c.getString("author_name"));
        cdata(xml, WP, "comment_author_email", emails == null ? "" : emails.decrypt(c.getString("email_ciphertext")).orElse(""));
        wp(xml, "comment_author_url", Optional.ofNullable(c.getString("website")).orElse(""));
        wp(xml, "comment_author_IP", Optional.ofNullable(c.getString("ip_address")).orElse(""));
        wp(xml, "comment_date", WP_DATE.format(created));
        wp(xml, "comment_date_gmt", WP_DATE.format(created));
        cdata(xml, WP, "comment_content", WordPressText.commentHtml(c.getString("body")));
        wp(xml, "comment_approved", switch (c.getString("status")) {
            case "APPROVED" -> "1";
            case "SPAM" -> "spam";
            case "TRASH" -> "trash";
            default -> "0";
        });
        wp(xml, "comment_type", "comment");
        wp(xml, "comment_parent", topLevel ? "0" : Long.toString(parent));
        wp(xml, "comment_user_id", "0");
        xml.writeCharacters("\n\t\t");
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n\t");
        xml.writeStartElement(name);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    private static void wp(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n\t\t");
        xml.writeStartElement("wp", name, WP);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    /** CDATA as WordPress writes it: a "]]>" inside the text is split across two sections. */
    private static void cdata(XMLStreamWriter xml, String namespace, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n\t\t");
        if (namespace == null) {
            xml.writeStartElement(name);
        } else {
            xml.writeStartElement(PREFIXES.get(namespace), name, namespace);
        }
        String[] parts = xmlSafe(value).split("]]>", -1);
        for (int i = 0; i < parts.length; i++) {
            xml.writeCData((i > 0 ? ">" : "") + parts[i] + (i < parts.length - 1 ? "]]" : ""));
        }
        xml.writeEndElement();
    }

    /** Drops the few characters XML 1.0 cannot carry at all (most control characters). */
    static String xmlSafe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean allowed = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch <= 0xD7FF) || ch >= 0xE000 && ch <= 0xFFFD
                    || Character.isSurrogate(ch);
            if (!allowed && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && kept != null) {
                kept.append(ch);
            }
        }
        return kept == null ? text : kept.toString();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
