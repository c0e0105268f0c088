package org.moderato.rules;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.moderato.rules.web.RulesForm;

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

    /** Defaults with some settings changed through the rules page's own form object. */
    public static RuleSettings rulesWith(Consumer<RulesForm> change) {
        RulesForm form = RulesForm.of(RuleSettings.defaults());
        change.accept(form);
        return form.toSettings();
    }
}
