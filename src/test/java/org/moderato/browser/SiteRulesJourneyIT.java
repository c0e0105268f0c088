package org.moderato.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moderato.browser.ModerationPage.View;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.openqa.selenium.WebDriver;

/** The site rules as a moderator and an admin meet them in the browser. Rule changes are undone after each test. */
@ExtendWith(SharedServer.class)
class SiteRulesJourneyIT {

    private static final String ARTICLE = "welcome-to-moderato";
    private static ModeratoServer server;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private WebDriver adminBrowser;

    @BeforeAll
    static void server(ModeratoServer shared) {
        server = shared;
    }

    private ModerationPage logInAdmin() {
        adminBrowser = browsers.fresh("admin").driver();
        return LoginPage.open(adminBrowser, server).logInAs("admin", ModeratoServer.ADMIN_PASSWORD);
    }

    /** Letters only: key-list words read digits as letters ("v1agra"), so a unique word has none. */
    private static String unique() {
        StringBuilder word = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> word.append((char) c));
        return word.toString();
    }

    @Test
    void aHeldCommentShowsItsReasonInTheQueue() {
        String tag = unique();
        ArticlePage posted = ArticlePage.open(browsers.fresh("reader").driver(), server, ARTICLE)
                .postComment("Two links " + tag + ": https://a.example/" + tag + " and https://b.example", "Linker " + tag,
                        "linker-" + tag + "@example.com", "");
        long id = posted.unapprovedIdInUrl().orElseThrow();

        var item = logInAdmin().item(id).orElseThrow(() -> new AssertionError("comment " + id + " not queued"));
        assertTrue(item.reasons().contains("held: 2 links, limit 2"), item.reasons());
        assertTrue(item.reasons().contains("held: first comment from this author"), item.reasons());
    }

    @Test
    void theAdminChangesARuleAndTheNextCommentFollowsIt() {
        String word = "blorpcasino" + unique();
        logInAdmin();
        AdminRulesPage saved = AdminRulesPage.open(adminBrowser, server).setText("disallowedKeys", word).save();
        assertTrue(saved.messages().get(0).startsWith("Settings saved."), saved.messages().toString());
        assertEquals("admin | Disallowed comment keys: 1 line added, 0 removed", saved.changeLog().get(0));

        ArticlePage posted = ArticlePage.open(browsers.fresh("reader").driver(), server, ARTICLE)
                .postComment("Visit my " + word.toUpperCase() + " today", "Seller", "seller-" + unique() + "@example.com", "");
        long id = posted.unapprovedIdInUrl().orElseThrow();
        assertEquals("Your comment is awaiting moderation.", posted.awaitingNotice().orElseThrow(), "the spammer is told nothing");

        ModerationPage spam = ModerationPage.open(adminBrowser, server).show(View.SPAM);
        var item = spam.item(id).orElseThrow(() -> new AssertionError("comment " + id + " not in spam"));
        assertTrue(item.reasons().contains("spam: disallowed word '" + word + "' in comment"), item.reasons());
    }

    @Test
    void theDryRunShowsWhatNewRulesWouldDoAndSavesNothing() {
        String word = "frobword" + unique();
        ArticlePage posted = ArticlePage.open(browsers.fresh("reader").driver(), server, ARTICLE)
                .postComment("An innocent " + word + " remark", "Innocent", "innocent-" + unique() + "@example.com", "");
        long id = posted.unapprovedIdInUrl().orElseThrow();
        logInAdmin().approve(id);

        AdminRulesPage dry = AdminRulesPage.open(adminBrowser, server).setText("moderationKeys", word).dryRun();
        assertEquals(List.of("Dry run: nothing was saved."), dry.messages());
        assertTrue(dry.dryRunSummary().contains("1 approved would be held"), dry.dryRunSummary().toString());
        assertTrue(dry.dryRunCommentIds().contains(id));
        assertFalse(AdminRulesPage.open(adminBrowser, server).text("moderationKeys").contains(word), "not saved");
    }
}
