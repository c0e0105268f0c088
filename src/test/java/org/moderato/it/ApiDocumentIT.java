package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.ApiClient;
import org.moderato.testing.ApiClient.Answer;
import org.moderato.testing.ApiContract;
import org.moderato.testing.ApiTokensAdmin;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.Readers;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * {@code /api/openapi} describes every operation, and every operation's live answers fit it (each
 * {@link ApiClient} answer is checked against the document as it arrives; this test makes sure none is left out).
 */
@ExtendWith(SharedServer.class)
class ApiDocumentIT {

    @Test
    void everyOperationInTheDocumentAnswersAsTheDocumentSays(ModeratoServer server) throws IOException {
        Answer served = ApiClient.from(server, null).get("/api/openapi");
        assertEquals(200, served.status());
        OpenAPI document = new OpenAPIV3Parser().readContents(served.body()).getOpenAPI();
        Set<String> described = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> described.add(method + " " + path)));

        String origin = SitesApiIT.newSite(server, true);
        ApiClient page = ApiClient.from(server, origin);
        String url = origin + "/documented";
        page.get(SitesApiIT.pageQuery(url));
        JsonNode issued = SitesApiIT.token(page, url, "Documented");
        long thread = issued.get("thread").asLong();
        Answer posted = page.post("/api/v1/threads/" + thread + "/comments",
                SitesApiIT.comment("Doc Reader", "doc." + Readers.unique() + "@example.org", "Documented " + Readers.unique(),
                        issued.get("token").asText()));
        page.get("/api/v1/threads/" + thread + "/pending/" + posted.json().get("id").asLong() + "?hash=" + posted.json().get("preview").asText());
        page.get("/api/v1/threads/" + thread + "?page=1");
        // a server-side client: no Origin, the site by id, one of Moderato's own articles by its id
        ApiClient.from(server, null).get("/api/v1/threads/" + articleId(server));
        // the staff API, with a token of each scope
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        String staff = ApiTokensAdmin.create(admin, "document " + Readers.unique(), "read-queue", "moderate");
        ApiClient.from(server, null).get("/api/v1/staff/queue", Map.of("Authorization", "Bearer " + staff));
        ApiClient.from(server, null).post("/api/v1/staff/comments/" + posted.json().get("id").asLong() + "/trash", Map.of("version", 0),
                Map.of("Authorization", "Bearer " + staff));

        Set<String> checked = ApiContract.of(server).checked();
        Set<String> missing = new TreeSet<>();
        for (String operation : described) {
            // a path template's parameters match any one segment
            String pattern = java.util.regex.Pattern.quote(operation).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (checked.stream().noneMatch(c -> c.matches(pattern))) {
                missing.add(operation);
            }
        }
        assertEquals(Set.of(), missing, "documented operations not held to a live answer");
        assertTrue(described.size() >= 6, described.toString());
    }

    /** The id of a sample article, from the API's own answer to the form-token request for it. */
    private static long articleId(ModeratoServer server) throws IOException {
        String page = WebClient.anonymous(server).get("/articles/" + Readers.WELCOME).body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"moderato_token\" value=\"(\\d+)\\.").matcher(page);
        if (!token.find()) {
            throw new AssertionError("no form token with an article id on the welcome article");
        }
        return Long.parseLong(token.group(1));
    }
}
