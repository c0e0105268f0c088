package org.moderato.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.moderato.browser.ArticlePage.Field;
import org.moderato.rules.checks.DuplicateCheck;
import org.moderato.rules.checks.FloodCheck;
import org.moderato.testing.Comments;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * The lean post door's refusals in a real browser, with JavaScript and without: a form with wrong
 * fields, a duplicate (409) and a comment too soon after the last (429) each come back as the article
 * with the message and with everything the reader typed still in the form, and nothing stored.
 */
@ExtendWith(SharedServer.class)
class RefusedPostJourneyIT {

    private static final String ARTICLE = "your-email-stays-private";
    private static ModeratoServer server;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeAll
    static void server(ModeratoServer shared) {
        server = shared;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void wrongFieldsComeBackBesideTheFieldsWithEverythingTyped(boolean javaScript) {
        Typed typed = new Typed("Wrong fields " + unique() + "\nwith <b>markup</b> & more", "A Reader", "not-an-address", "https://example.org/x");
        ArticlePage answer = typed.postIn(open(javaScript));
        assertAll("the message beside the wrong field, nothing else refused",
                () -> assertEquals("Please enter a valid email address.", answer.fieldError(Field.EMAIL)),
                () -> assertEquals("", answer.fieldError(Field.AUTHOR)),
                () -> assertEquals(List.of(), answer.formErrors()));
        typed.assertKeptAndNotStored(answer);
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void aDuplicateIsRefusedWithTheMessageAndEverythingTyped(boolean javaScript) throws IOException {
        Typed typed = new Typed("Said twice " + unique(), "Repeater", "repeater-" + unique() + "@example.com", "");
        Comments.postAndGetId(WebClient.anonymous(server), ARTICLE, "Repeater", typed.email, typed.comment, null);
        ArticlePage answer = typed.postIn(open(javaScript));
        assertEquals(List.of(DuplicateCheck.MESSAGE), answer.formErrors());
        typed.assertKeptAndNotStored(answer);
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void tooSoonAfterTheLastCommentIsRefusedWithTheMessageAndEverythingTyped(boolean javaScript) throws IOException {
        Comments.postAndGetId(WebClient.anonymous(server), ARTICLE, "Quick", "quick-" + unique() + "@example.com", "First " + unique(), null);
        // the wait is switched on after that comment, which no earlier test's comment from 127.0.0.1 can then refuse
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        assertTrue(admin.saveRules(Map.of("floodSeconds", "60")).body().contains("Settings saved."));
        Typed typed = new Typed("Too soon " + unique(), "Quick", "quick-" + unique() + "@example.com", "https://quick.example/");
        ArticlePage answer = typed.postIn(open(javaScript));
        assertEquals(List.of(FloodCheck.MESSAGE), answer.formErrors());
        typed.assertKeptAndNotStored(answer);
    }

    private ArticlePage open(boolean javaScript) {
        return ArticlePage.open(browsers.fresh("reader", javaScript).driver(), server, ARTICLE);
    }

    /** What the reader types, and what the refused form must still hold. */
    private record Typed(String comment, String author, String email, String website) {

        ArticlePage postIn(ArticlePage page) {
            return page.postComment(comment, author, email, website);
        }

        void assertKeptAndNotStored(ArticlePage answer) {
            assertAll("everything typed is still in the form, and nothing was stored",
                    () -> assertEquals(comment, answer.fieldValue(Field.COMMENT)),
                    () -> assertEquals(author, answer.fieldValue(Field.AUTHOR)),
                    () -> assertEquals(email, answer.fieldValue(Field.EMAIL)),
                    () -> assertEquals(website, answer.fieldValue(Field.URL)),
                    () -> assertEquals(Optional.empty(), answer.unapprovedIdInUrl()),
                    () -> assertEquals(Optional.empty(), answer.awaitingNotice()));
        }
    }
}
