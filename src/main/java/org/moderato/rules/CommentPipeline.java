package org.moderato.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.moderato.rules.checks.BotCheck;
import org.moderato.rules.checks.ClosedCheck;
import org.moderato.rules.checks.DuplicateCheck;
import org.moderato.rules.checks.FloodCheck;
import org.moderato.rules.checks.KeyListCheck;
import org.moderato.rules.checks.LinkLimitCheck;
import org.moderato.rules.checks.ManualApprovalCheck;
import org.moderato.rules.checks.ReplyCheck;
import org.moderato.rules.checks.RequiredFieldsCheck;
import org.moderato.rules.checks.SpamFilterCheck;
import org.moderato.rules.checks.TrustCheck;
import org.moderato.spamfilter.SpamModel;

/**
 * Every comment, from the form or any API, goes through here: first the checks that may refuse it
 * (nothing is stored then), then the checks that decide approve / hold / spam, in WordPress's order.
 */
public class CommentPipeline {

    private final List<RefusalCheck> refusalChecks;
    private final List<ModerationCheck> moderationChecks;
    private final List<ModerationCheck> editChecks;

    /** {@code spamModel} gives the spam filter's model as it is at the moment of each check. */
    public CommentPipeline(FormToken formTokens, Supplier<SpamModel> spamModel) {
        this.refusalChecks = List.of(new ClosedCheck(), new ReplyCheck(), new RequiredFieldsCheck(),
                new BotCheck(formTokens), new DuplicateCheck(), new FloodCheck());
        List<ModerationCheck> textChecks = List.of(new ManualApprovalCheck(), new KeyListCheck(), new LinkLimitCheck(),
                new SpamFilterCheck(spamModel));
        List<ModerationCheck> all = new ArrayList<>(textChecks);
        all.add(new TrustCheck());
        this.moderationChecks = List.copyOf(all);
        // an edit is judged by its text; who wrote it was judged at the post, and trust can only approve
        this.editChecks = textChecks;
    }

    /** Either a refusal, or the verdict with all its reasons. */
    public record Outcome(Optional<Refusal> refusal, Verdict verdict) {}

    public Outcome run(Submission submission, SubmissionFacts facts, RuleSettings rules) {
        List<Finding> findings = new ArrayList<>();
        for (RefusalCheck check : refusalChecks) {
            Optional<Refusal> refusal = check.check(submission, facts, rules);
            if (refusal.isEmpty()) {
                continue;
            }
            if (refusal.get().suspectedBot() && rules.botsToSpam()) {
                findings.add(Finding.spam(refusal.get().reason()));
            } else {
                return new Outcome(refusal, null);
            }
        }
        findings.addAll(moderate(submission, facts, rules));
        return new Outcome(Optional.empty(), Verdict.combine(findings));
    }

    /** The approve / hold / spam checks alone: what the dry run replays over past comments. */
    public List<Finding> moderate(Submission submission, SubmissionFacts facts, RuleSettings rules) {
        List<Finding> findings = new ArrayList<>();
        for (ModerationCheck check : moderationChecks) {
            findings.addAll(check.assess(submission, facts, rules));
        }
        return findings;
    }

    /**
     * An author's edit of their own comment: the checks that read the text (manual approval, the word
     * lists, the link limit, the spam filter), so that an edit cannot bring in what a post could not.
     */
    public Verdict moderateEdit(Submission submission, SubmissionFacts facts, RuleSettings rules) {
        List<Finding> findings = new ArrayList<>();
        for (ModerationCheck check : editChecks) {
            findings.addAll(check.assess(submission, facts, rules));
        }
        return Verdict.combine(findings);
    }
}
