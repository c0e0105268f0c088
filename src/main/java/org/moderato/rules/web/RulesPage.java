package org.moderato.rules.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import java.util.Map;
import org.moderato.moderation.RulesDryRun;
import org.moderato.rules.RuleChange;
import org.moderato.rules.RuleStore;
import org.moderato.rules.RulesInvalid;
import org.moderato.spamfilter.SpamModel;
import org.moderato.spamfilter.SpamModels;
import org.moderato.spamfilter.training.SpamRetraining;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** {@code /admin/rules}: every rule on one page, a dry run before saving, and the change log. */
@Named
@RequestScoped
public class RulesPage {

    @Inject
    RuleStore store;

    @Inject
    RulesDryRun dryRun;

    @Inject
    SecurityContext security;

    @Inject
    SpamModels spamModels;

    @Inject
    SpamRetraining spamRetraining;

    private RulesForm form;
    private RulesDryRun.Result dryRunResult;
    private List<RuleChange> changes;
    private String spamFilterStatus;

    @PostConstruct
    void load() {
        form = RulesForm.of(store.current());
        spamFilterStatus = describe(spamModels.current());
    }

    public void retrainSpamFilter() {
        SpamRetraining.Retrained retrained = spamRetraining.retrain();
        Messages.addGlobalInfo("Spam filter retrained from scratch on " + retrained.spam() + " spam and " + retrained.good()
                + " approved comments.");
        spamFilterStatus = describe(spamModels.current());
    }

    /** "learning: 12 spam, 40 approved so far" until it judges, then what it was trained on. */
    static String describe(SpamModel model) {
        int spam = model.spamMessages();
        int good = model.goodMessages();
        if (!model.hasLearntEnough()) {
            return "learning: " + spam + " spam, " + good + " approved so far (it starts judging at "
                    + SpamModel.LEARN_BEFORE_JUDGING + " of each)";
        }
        return "judging: trained on " + spam + " spam and " + good + " approved comments";
    }

    public void save() {
        try {
            String changed = store.save(form.toSettings(), security.getCallerPrincipal().getName());
            Messages.addGlobalInfo(changed.isEmpty() ? "Nothing changed." : "Settings saved. " + changed + ".");
            changes = null;
        } catch (RulesInvalid invalid) {
            showProblems(invalid.problems());
        }
    }

    public void runDry() {
        Map<String, String> problems = store.problems(form.toSettings());
        if (!problems.isEmpty()) {
            showProblems(problems);
            return;
        }
        dryRunResult = dryRun.replay(form.toSettings());
        Messages.addGlobalInfo("Dry run: nothing was saved.");
    }

    private static void showProblems(Map<String, String> problems) {
        problems.forEach((field, message) -> Messages.addError(field, message));
        Messages.addGlobalError("Nothing was saved: please correct the settings marked below.");
        Faces.validationFailed();
    }

    public RulesForm getForm() { return form; }
    public RulesDryRun.Result getDryRun() { return dryRunResult; }
    public String getSpamFilterStatus() { return spamFilterStatus; }

    /** Read once per request; a save clears it, since building the view may already have read it. */
    public List<RuleChange> getChanges() {
        if (changes == null) {
            changes = store.recentChanges(20);
        }
        return changes;
    }
}
