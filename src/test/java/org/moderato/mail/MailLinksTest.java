package org.moderato.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final MailLinks links = new MailLinks("a key of thirty-two bytes, or so".getBytes(StandardCharsets.UTF_8), "https://blog.example");

    @Test
    void eachLinkReadsBackAsWhatItWasMadeFor() {
        assertEquals(Optional.of(new MailLinks.Confirm(51)), links.read(token(links.confirmUrl(51, NOW)), NOW));
        assertEquals(Optional.of(new MailLinks.LeaveThread(52)), links.read(token(links.leaveThreadUrl(52)), NOW));
        String index = "ab".repeat(32);
        assertEquals(Optional.of(new MailLinks.LeaveAll(index)), links.read(token(links.leaveAllUrl(index)), NOW));
        assertTrue(links.confirmUrl(51, NOW).startsWith("https://blog.example/mail/confirm?t="));
        assertTrue(links.leaveThreadUrl(52).startsWith("https://blog.example/mail/unsubscribe?t="));
    }

    @Test
    void aChangedTokenIsRefused() {
        String good = token(links.leaveThreadUrl(52));
        assertEquals(Optional.empty(), links.read(good.replace("t.52.", "t.53."), NOW), "another subscription, same signature");
        assertEquals(Optional.empty(), links.read(good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0"), NOW));
        MailLinks otherKey = new MailLinks("another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8), "https://blog.example");
        assertEquals(Optional.empty(), otherKey.read(good, NOW), "signed with another site's key");
        assertEquals(Optional.empty(), links.read(null, NOW));
        assertEquals(Optional.empty(), links.read("x".repeat(5000), NOW));
        assertEquals(Optional.empty(), links.read("t.52", NOW));
    }

    @Test
    void aConfirmationLinkExpiresAfterAWeekAndUnsubscribingNever() {
        String confirm = token(links.confirmUrl(51, NOW));
        assertTrue(links.read(confirm, NOW.plus(MailLinks.CONFIRM_VALIDITY).minusSeconds(1)).isPresent());
        assertEquals(Optional.empty(), links.read(confirm, NOW.plus(MailLinks.CONFIRM_VALIDITY).plusSeconds(1)));
        assertTrue(links.read(token(links.leaveThreadUrl(52)), NOW.plusSeconds(10L * 365 * 86400)).isPresent());
    }

    private static String token(String url) {
        return url.substring(url.indexOf("?t=") + 3);
    }
}
