package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.Comments;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * The queue's tab counts follow every committed move within a couple of seconds (the totals learn
 * after commit and write once a second), not only at the recount every ten minutes.
 */
@ExtendWith(SharedServer.class)
class QueueCountsIT {

    private static long count(WebClient staff, String view) throws IOException {
        String body = staff.get("/moderation").body();
        Matcher m = Pattern.compile("id=\"view-" + view + "\"[^>]*>[^<]*<span class=\"count\">\\((\\d+)\\)").matcher(body);
        assertTrue(m.find(), body);
        return Long.parseLong(m.group(1));
    }

    /** The count once it reaches {@code expected}, or what it is after five seconds. */
    private static long awaitCount(WebClient staff, String view, long expected) throws IOException, InterruptedException {
        long now = count(staff, view);
        for (int i = 0; i < 50 && now != expected; i++) {
            Thread.sleep(100);
            now = count(staff, view);
        }
        return now;
    }

    @Test
    void aHeldCommentAndItsApprovalMoveTheCountsAtOnce(ModeratoServer server) throws IOException, InterruptedException {
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        long pending = count(admin, "pending");
        long approved = count(admin, "approved");

        String tag = UUID.randomUUID().toString().substring(0, 8);
        long id = Comments.postAndGetId(WebClient.anonymous(server), "why-comments-need-moderation", "Counter " + tag,
                "counter-" + tag + "@example.org", "Counted " + tag, null);
        assertEquals(pending + 1, awaitCount(admin, "pending", pending + 1), "a new held comment counts in Pending");

        admin.moderate("/moderation", id, "Approve");
        assertEquals(pending, awaitCount(admin, "pending", pending), "approved: out of Pending");
        assertEquals(approved + 1, awaitCount(admin, "approved", approved + 1), "and into Approved");
    }
}
