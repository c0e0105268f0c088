package org.moderato.rules;

import java.time.Instant;
import java.util.Optional;

/** Small builders for check tests: a valid submission, facts with nothing remarkable, default rules. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private Fixtures() {}

    public static Submission submission() {
        return new Submission(7, null, "Jane Reader", "jane@example.com", "https://jane.example", "A thoughtful comment.",
                "198.51.100.7", "Mozilla/5.0", null, "token", false);
    }

    public static Submission withText(String text) {
        Submission s = submission();
        return new Submission(s.articleId(), s.parentId(), s.author(), s.email(), s.website(), text, s.ipAddress(),
                s.userAgent(), s.honeypot(), s.formToken(), s.staff());
    }

    public static Submission with(String author, String email, String website, String text, String ip, String agent) {
        Submission s = submission();
        return new Submission(s.articleId(), s.parentId(), author, email, website, text, ip, agent, s.honeypot(), s.formToken(), s.staff());
    }

    public static SubmissionFacts facts() {
        return new SubmissionFacts(NOW, true, NOW.minusSeconds(86_400), Optional.empty(), false, Optional.empty(), 0, false, false);
    }

    public static RuleSettings rules() {
        return RuleSettings.defaults();
    }

    /** Defaults with one setting changed, by name, for readable tests. */
    public static RuleSettings rulesWith(java.util.function.UnaryOperator<RuleSettingsBuilder> change) {
        return change.apply(new RuleSettingsBuilder(RuleSettings.defaults())).build();
    }

    /** Copy-with for the record. */
    public static final class RuleSettingsBuilder {
        boolean requireNameAndEmail, closeOldArticles, botsToSpam, manualApproval, trustApprovedAuthors;
        int closeAfterDays, threadDepth, floodSeconds, formMinSeconds, formMaxHours, linkLimit, trustAfterApproved;
        String moderationKeys, disallowedKeys;
        Decision defaultDecision;
        int commentsPerPage;
        boolean newestFirst;

        RuleSettingsBuilder(RuleSettings s) {
            requireNameAndEmail = s.requireNameAndEmail();
            closeOldArticles = s.closeOldArticles();
            closeAfterDays = s.closeAfterDays();
            threadDepth = s.threadDepth();
            floodSeconds = s.floodSeconds();
            formMinSeconds = s.formMinSeconds();
            formMaxHours = s.formMaxHours();
            botsToSpam = s.botsToSpam();
            manualApproval = s.manualApproval();
            moderationKeys = s.moderationKeys();
            disallowedKeys = s.disallowedKeys();
            linkLimit = s.linkLimit();
            trustApprovedAuthors = s.trustApprovedAuthors();
            trustAfterApproved = s.trustAfterApproved();
            defaultDecision = s.defaultDecision();
            commentsPerPage = s.commentsPerPage();
            newestFirst = s.newestFirst();
        }

        public RuleSettingsBuilder requireNameAndEmail(boolean v) { requireNameAndEmail = v; return this; }
        public RuleSettingsBuilder closeOldArticles(boolean v, int days) { closeOldArticles = v; closeAfterDays = days; return this; }
        public RuleSettingsBuilder threadDepth(int v) { threadDepth = v; return this; }
        public RuleSettingsBuilder floodSeconds(int v) { floodSeconds = v; return this; }
        public RuleSettingsBuilder formAge(int minSeconds, int maxHours) { formMinSeconds = minSeconds; formMaxHours = maxHours; return this; }
        public RuleSettingsBuilder botsToSpam(boolean v) { botsToSpam = v; return this; }
        public RuleSettingsBuilder manualApproval(boolean v) { manualApproval = v; return this; }
        public RuleSettingsBuilder moderationKeys(String v) { moderationKeys = v; return this; }
        public RuleSettingsBuilder disallowedKeys(String v) { disallowedKeys = v; return this; }
        public RuleSettingsBuilder linkLimit(int v) { linkLimit = v; return this; }
        public RuleSettingsBuilder trust(boolean on, int after) { trustApprovedAuthors = on; trustAfterApproved = after; return this; }
        public RuleSettingsBuilder defaultDecision(Decision v) { defaultDecision = v; return this; }

        RuleSettings build() {
            return new RuleSettings(requireNameAndEmail, closeOldArticles, closeAfterDays, threadDepth, floodSeconds,
                    formMinSeconds, formMaxHours, botsToSpam, manualApproval, moderationKeys, disallowedKeys, linkLimit,
                    trustApprovedAuthors, trustAfterApproved, defaultDecision, commentsPerPage, newestFirst);
        }
    }
}
