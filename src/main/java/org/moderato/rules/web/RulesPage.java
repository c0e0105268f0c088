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

    private RulesForm form;
    private RulesDryRun.Result dryRunResult;
    private List<RuleChange> changes;

    @PostConstruct
    void load() {
        form = RulesForm.of(store.current());
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

    /** Read once per request; a save clears it, since building the view may already have read it. */
    public List<RuleChange> getChanges() {
        if (changes == null) {
            changes = store.recentChanges(20);
        }
        return changes;
    }
}
