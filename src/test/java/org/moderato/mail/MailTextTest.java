package org.moderato.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailTextTest {

    @Test
    void aHeldCommentsMailNeverCarriesAnAddressEvenWhenTheCommenterTypedOne() {
        MailText.Bodies held = MailText.held("Blog", "Title", "bob@example.org", "moderation key 'bob@example.org' in email",
                "Write to me at bob@example.org or <b>Bob.Smith+tag@mail.example.co.uk</b>", "https://b/review", "https://b/account/mail");
        for (String body : List.of(held.text(), held.html())) {
            assertFalse(body.toLowerCase().contains("example.org"), body);
            assertFalse(body.toLowerCase().contains("mail.example.co.uk"), body);
            assertTrue(body.contains("[address]"), body);
        }
        MailText.Bodies digest = MailText.digest("Blog", List.of(new MailText.HeldLine("T", "x@y.example", "held: a@b.example", "https://b/r")),
                0, "https://b/moderation", "https://b/account/mail");
        assertFalse(digest.text().contains("@y.example") || digest.html().contains("@b.example"), digest.text());
    }

    @Test
    void theHtmlPartEscapesWhatReadersTypedAndKeepsOnlyTheCommentsAllowedTags() {
        // in every language: the bundle's sentence is escaped, then the (escaped) names and title go into it
        for (java.util.Locale locale : org.moderato.platform.ReaderTexts.SUPPORTED) {
            MailText.Bodies notify = MailText.notify(locale, "Blog <&>", "A \"title\" <i>", "<script>alert(1)</script>",
                    "Hello <b>world</b><script>x()</script>", "https://b/a?comment=1#comment-1", false, "https://b/u?t=1", "https://b/u?t=2");
            assertFalse(notify.html().contains("<script>"), notify.html());
            assertFalse(notify.html().contains("<i>") || notify.html().contains("<&>"), notify.html());
            assertTrue(notify.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), notify.html());
            assertTrue(notify.html().contains("A &quot;title&quot; &lt;i&gt;") && notify.html().contains("Blog &lt;&amp;&gt;"), notify.html());
            assertTrue(notify.html().contains("<b>world</b>"), notify.html());
            assertTrue(notify.html().contains("<html lang=\"" + locale.getLanguage() + "\">"), notify.html());
            assertTrue(notify.text().contains("Hello world"), notify.text());
            assertTrue(notify.text().contains("https://b/u?t=1") && notify.text().contains("https://b/u?t=2"), notify.text());
        }
        assertEquals("[Blog] Neuer Kommentar zu \u201eTitel\u201c", MailText.notifySubject(java.util.Locale.GERMAN, "Blog", "Titel", false));
        assertEquals("[Blog] New comment on \"Title\"", MailText.notifySubject(java.util.Locale.ENGLISH, "Blog", "Title", false));
    }

    @Test
    void errorsKeptForTheOutboxPageHaveNoAddressAndABound() {
        assertEquals("550 5.1.1 <[address]>: Recipient address rejected", MailText.cut("550 5.1.1 <jane@example.org>: Recipient address rejected", 500));
        assertEquals(10, MailText.cut("x".repeat(50), 10).length());
    }

    @Test
    void aFailedMessageWaitsTwiceAsLongEachTimeUpToTheMaximum() {
        assertEquals(60, Outbox.secondsBeforeAttempt(2, 60, 1800));
        assertEquals(120, Outbox.secondsBeforeAttempt(3, 60, 1800));
        assertEquals(960, Outbox.secondsBeforeAttempt(6, 60, 1800));
        assertEquals(1800, Outbox.secondsBeforeAttempt(7, 60, 1800));
        assertEquals(1800, Outbox.secondsBeforeAttempt(400, 60, 1800));
    }
}
