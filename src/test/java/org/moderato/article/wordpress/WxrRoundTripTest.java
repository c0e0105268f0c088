package org.moderato.article.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.moderato.article.ArticleHtml;
import org.moderato.privacy.EmailVault;

/** Export → import into an empty database gives the same articles, comments, statuses and threads. */
class WxrRoundTripTest {

    private static byte[] export(TestDatabase db, EmailVault vault) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WxrWriter(db.connection, vault, "https://moderato.example/", WxrImportTest.NOW).write(out);
        return out.toByteArray();
    }

    @Test
    void exportThenImportIntoAnEmptyDatabaseKeepsEverything() throws Exception {
        try (TestDatabase first = new TestDatabase(); TestDatabase second = new TestDatabase()) {
            WxrImportTest.load(first, WxrReaderTest.fixture());
            try (var odd = first.connection.prepareStatement("UPDATE articles SET title = ? WHERE wp_post_id = 10")) {
                odd.setString(1, "Odd ]]> title, ‘quoted’ & <angled>");
                odd.executeUpdate();
            }
            byte[] file = export(first, WxrImportTest.VAULT);
            assertTrue(new String(file, StandardCharsets.UTF_8).contains("<title><![CDATA[Odd ]]]]><![CDATA[> title, ‘quoted’ & <angled>]]></title>"),
                    "a \"]]>\" in CDATA is split as WordPress splits it");

            ImportSummary summary = WxrImportTest.load(second, new ByteArrayInputStream(file));
            assertEquals("7 articles, 9 comments imported.", summary.describe(), "the samples travel too");

            List<Map<String, Object>> originals = first.rows("SELECT * FROM articles ORDER BY id");
            for (Map<String, Object> original : originals) {
                Map<String, Object> copy = second.row("SELECT * FROM articles WHERE wp_post_id = ?", original.get("ID"));
                for (String column : new String[] {"TITLE", "BYLINE", "STATUS", "PUBLISHED_AT", "COMMENTS_OPEN"}) {
                    assertEquals(original.get(column), copy.get(column), column + " of " + original.get("SLUG"));
                }
                // the samples were written as SQL, unsanitised; everything else was sanitised once already
                assertEquals(ArticleHtml.sanitise((String) original.get("BODY_HTML")), copy.get("BODY_HTML"), "body of " + original.get("SLUG"));
                assertTrue(((String) copy.get("SLUG")).startsWith((String) original.get("SLUG")), copy.get("SLUG") + " from " + original.get("SLUG"));
                // the empty database has its own three samples: only their slugs (and "welcome-to-moderato-2") are taken there
                if (!((String) original.get("SLUG")).matches("welcome-to-moderato.*|why-comments-need-moderation|your-email-stays-private")) {
                    assertEquals(original.get("SLUG"), copy.get("SLUG"), "slugs that are free stay the same");
                }
            }

            Map<Object, Object> originalIdOfCopy = new HashMap<>();
            for (Map<String, Object> copy : second.rows("SELECT id, wp_comment_id FROM comments")) {
                originalIdOfCopy.put(copy.get("ID"), copy.get("WP_COMMENT_ID"));
            }
            List<Map<String, Object>> comments = first.rows("SELECT c.*, a.id AS article FROM comments c JOIN articles a ON a.id = c.article_id");
            assertEquals(9, comments.size());
            for (Map<String, Object> original : comments) {
                Map<String, Object> copy = second.row("SELECT c.*, a.wp_post_id AS original_article FROM comments c"
                        + " JOIN articles a ON a.id = c.article_id WHERE c.wp_comment_id = ?", original.get("ID"));
                for (String column : new String[] {"AUTHOR_NAME", "WEBSITE", "IP_ADDRESS", "CREATED_AT", "STATUS", "BODY", "EMAIL_INDEX"}) {
                    assertEquals(original.get(column), copy.get(column), column + " of comment " + original.get("WP_COMMENT_ID"));
                }
                assertEquals(WxrImportTest.VAULT.decrypt((String) original.get("EMAIL_CIPHERTEXT")),
                        WxrImportTest.VAULT.decrypt((String) copy.get("EMAIL_CIPHERTEXT")));
                assertEquals(original.get("ARTICLE"), copy.get("ORIGINAL_ARTICLE"));
                assertEquals(original.get("PARENT_ID"), copy.get("PARENT_ID") == null ? null : originalIdOfCopy.get(copy.get("PARENT_ID")),
                        "thread of comment " + original.get("WP_COMMENT_ID"));
            }

            assertEquals(new String(file, StandardCharsets.UTF_8), new String(export(first, WxrImportTest.VAULT), StandardCharsets.UTF_8),
                    "the export is deterministic");
        }
    }

    @Test
    void theFileIsWxrAsWordPressWritesIt() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            WxrImportTest.load(db, WxrReaderTest.fixture());
            String xml = new String(export(db, WxrImportTest.VAULT), StandardCharsets.UTF_8);
            assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml.substring(0, 60));
            assertTrue(xml.contains("xmlns:wp=\"http://wordpress.org/export/1.2/\""));
            assertTrue(xml.contains("<wp:wxr_version>1.2</wp:wxr_version>"));
            assertTrue(xml.contains("<wp:base_site_url>https://moderato.example</wp:base_site_url>"));
            assertTrue(xml.contains("<wp:post_name>hello-world</wp:post_name>"));
            assertTrue(xml.contains("<wp:status>future</wp:status>"), "the scheduled post");
            assertTrue(xml.contains("<wp:status>draft</wp:status>"));
            assertTrue(xml.contains("<wp:comment_status>closed</wp:comment_status>"));
            assertTrue(xml.contains("<wp:comment_approved>spam</wp:comment_approved>"));
            assertTrue(xml.contains("<wp:comment_approved>trash</wp:comment_approved>"));
            assertTrue(xml.contains("<wp:comment_approved>0</wp:comment_approved>"));
            assertTrue(xml.contains("<wp:comment_author_email><![CDATA[alice@example.org]]></wp:comment_author_email>"));
            assertTrue(xml.contains("CDATA end inside: ]]&gt; and"), xml);
            assertTrue(xml.contains("<![CDATA[A reply, second level. 5 &lt; 6 and 7 &gt; 3 stay as typed.]]>"),
                    "plain comment text is escaped, so WordPress shows it as typed");
        }
    }

    @Test
    void charactersXmlCannotCarryAreDropped() {
        assertEquals("ab\tc\n😀", WxrWriter.xmlSafe("a\u0001b\tc\n\u000b😀\ufffe"));
    }

    @Test
    void withoutTheVaultNoAddressIsWritten() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            WxrImportTest.load(db, WxrReaderTest.fixture());
            String xml = new String(export(db, null), StandardCharsets.UTF_8);
            for (String address : new String[] {"alice@example.org", "bob@example.org", "zoe@exämple.org", "late@example.org"}) {
                assertFalse(xml.toLowerCase().contains(address), address);
            }
            assertTrue(xml.contains("<wp:comment_author_email><![CDATA[]]></wp:comment_author_email>"));
        }
    }
}
