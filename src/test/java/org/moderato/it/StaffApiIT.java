package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.ApiClient;
import org.moderato.testing.ApiClient.Answer;
import org.moderato.testing.ApiTokensAdmin;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.Readers;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * The staff API with tokens an admin makes: each scope allows what it says and nothing else, the desk's
 * version check holds, a revoked or missing token gets 401, every call is counted in the audit trail
 * and every move is in the comment's history under the token's name. No address leaves unmasked.
 */
@ExtendWith(SharedServer.class)
class StaffApiIT {

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** Calls made with the read-queue token, to compare with the audit trail's count. */
    private int readerCalls;

    private JsonNode queued(ApiClient api, String token, long id) throws IOException {
        readerCalls++;
        Answer queue = api.get("/api/v1/staff/queue?view=pending", bearer(token));
        assertEquals(200, queue.status(), queue.body());
        for (JsonNode comment : queue.json().get("comments")) {
            if (comment.get("id").asLong() == id) {
                return comment;
            }
        }
        // the queue is oldest first in pages of 50: follow the pages
        Long after = queue.json().get("next").isNull() ? null : queue.json().get("next").asLong();
        while (after != null) {
            readerCalls++;
            Answer next = api.get("/api/v1/staff/queue?view=pending&after=" + after, bearer(token));
            for (JsonNode comment : next.json().get("comments")) {
                if (comment.get("id").asLong() == id) {
                    return comment;
                }
            }
            after = next.json().get("next").isNull() ? null : next.json().get("next").asLong();
        }
        throw new AssertionError("comment " + id + " is not in the pending queue");
    }

    @Test
    void eachScopeAllowsWhatItSaysTheVersionIsCheckedAndEveryCallIsAudited(ModeratoServer server) throws IOException {
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        String tag = Readers.unique();
        String reader = ApiTokensAdmin.create(admin, "reader " + tag, "read-queue");
        String moderator = ApiTokensAdmin.create(admin, "moderator " + tag, "moderate");
        String email = "staffapi." + tag + "@example.org";
        long id = Readers.post(server, Readers.WELCOME, "Staff API Reader", email, "For the staff API " + tag, null);
        ApiClient api = ApiClient.from(server, null);

        JsonNode comment = queued(api, reader, id);
        assertEquals("pending", comment.get("status").asText());
        assertFalse(comment.toString().contains(email), comment.toString());
        assertFalse(comment.get("maskedEmail").asText().contains("staffapi." + tag), "masked as on the desk");
        assertTrue(comment.get("reasons").size() > 0, "the reasons it was held");
        int version = comment.get("version").asInt();

        Answer readerMoves = api.post("/api/v1/staff/comments/" + id + "/approve", Map.of("version", version), bearer(reader));
        assertEquals(403, readerMoves.status(), readerMoves.body());
        assertEquals(403, api.get("/api/v1/staff/queue", bearer(moderator)).status(), "moderate does not read the queue");

        Answer stale = api.post("/api/v1/staff/comments/" + id + "/approve", Map.of("version", version + 7), bearer(moderator));
        assertEquals(409, stale.status(), stale.body());
        Answer approved = api.post("/api/v1/staff/comments/" + id + "/approve", Map.of("version", version), bearer(moderator));
        assertEquals(200, approved.status(), approved.body());
        assertEquals("approved", approved.json().get("status").asText());
        Answer again = api.post("/api/v1/staff/comments/" + id + "/spam", Map.of("version", version), bearer(moderator));
        assertEquals(409, again.status(), "the version it was approved from is gone");
        assertEquals(404, api.post("/api/v1/staff/comments/" + id + "/delete-everything", Map.of("version", 1), bearer(moderator)).status());

        String history = admin.get("/moderation-comment?id=" + id).body();
        assertTrue(history.contains("api:moderator " + tag), "the move is in the comment's history under the token's name");

        ApiTokensAdmin.revoke(admin, "moderator " + tag);
        Answer revoked = api.post("/api/v1/staff/comments/" + id + "/spam", Map.of("version", approved.json().get("version").asInt()),
                bearer(moderator));
        assertEquals(401, revoked.status(), revoked.body());
        String tokens = admin.get("/admin/api-tokens").body();
        assertEquals(List.of(String.valueOf(readerCalls + 1), "5"), List.of(calls(tokens, "reader " + tag), calls(tokens, "moderator " + tag)),
                "every call with a token is in the audit trail (the revoked one's last call is refused before it is known)");
    }

    @Test
    void withoutATokenOrFromABrowserOnAnotherSiteTheStaffApiGivesNothing(ModeratoServer server) throws IOException {
        for (Answer answer : List.of(ApiClient.from(server, null).get("/api/v1/staff/queue"),
                ApiClient.from(server, null).get("/api/v1/staff/queue", bearer("mdt_not-a-token")),
                ApiClient.from(server, null).get("/api/v1/staff/queue", Map.of("Authorization", "Basic YWRtaW46eA==")))) {
            assertEquals(401, answer.status(), answer.body());
            assertTrue(answer.json().has("error"));
            assertEquals(List.of(), answer.headers().getOrDefault("set-cookie", List.of()));
        }
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        String token = ApiTokensAdmin.create(admin, "browser " + Readers.unique(), "read-queue");
        String origin = SitesApiIT.newSite(server, true);
        Answer fromSite = ApiClient.from(server, origin).get("/api/v1/staff/queue", bearer(token));
        assertEquals(403, fromSite.status(), "no CORS for staff endpoints, not even for a site's origin");
        assertFalse(fromSite.header("Access-Control-Allow-Origin").isPresent());
    }

    private static String calls(String tokensPage, String name) {
        Matcher row = Pattern.compile("<td class=\"token-name\">" + Pattern.quote(name) + "</td>.*?<td class=\"token-calls\">(\\d+)</td>",
                Pattern.DOTALL).matcher(tokensPage);
        if (!row.find()) {
            throw new AssertionError("no row for " + name);
        }
        return row.group(1);
    }
}
