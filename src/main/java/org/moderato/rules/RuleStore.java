package org.moderato.rules;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moderato.account.Role;

/**
 * Reads and saves the site rules. The settings are read once and kept until a save on this server
 * announces {@link RulesChanged} after commit, so no comment or page reads them again; the next
 * comment after a change follows the new rules.
 */
@Stateless
public class RuleStore {

    /** How each setting is named in the change log, in the admin page's order. */
    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("manualApproval", "Comment must be manually approved");
        LABELS.put("trustApprovedAuthors", "Comment author must have a previously approved comment");
        LABELS.put("trustAfterApproved", "Approved comments needed");
        LABELS.put("defaultDecision", "Otherwise");
        LABELS.put("requireNameAndEmail", "Comment author must fill out name and email");
        LABELS.put("closeOldArticles", "Automatically close comments on old articles");
        LABELS.put("closeAfterDays", "Close comments after days");
        LABELS.put("threadDepth", "Thread depth");
        LABELS.put("commentsPerPage", "Top-level comments per page");
        LABELS.put("newestFirst", "Newest comments first");
        LABELS.put("linkLimit", "Hold comments with this many links");
        LABELS.put("moderationKeys", "Comment moderation list");
        LABELS.put("disallowedKeys", "Disallowed comment keys");
        LABELS.put("floodSeconds", "Seconds between comments from one IP or email");
        LABELS.put("formMinSeconds", "Minimum seconds between opening and sending the form");
        LABELS.put("formMaxHours", "Hours a form stays valid");
        LABELS.put("botsToSpam", "File suspected bots as spam instead of refusing them");
        LABELS.put("spamFilter", "Spam filter");
        LABELS.put("spamHoldPercent", "Spam filter: hold from score");
        LABELS.put("spamFilePercent", "Spam filter: file as spam from score");
        LABELS.put("ownEditMinutes", "Authors may edit or delete their comment for (minutes)");
        LABELS.put("reportThreshold", "Reports that send a published comment back to the queue");
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    Event<RulesChanged> changes;

    @Inject
    KeptRules kept;

    public RuleSettings current() {
        return kept.current(() -> em.find(StoredRuleSettings.class, StoredRuleSettings.THE_ROW).toSettings());
    }

    /** Problems by setting name; empty when the settings can be saved. */
    @RolesAllowed(Role.ADMIN_NAME)
    public Map<String, String> problems(RuleSettings next) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (ConstraintViolation<RuleSettings> violation : validator.validate(next)) {
            problems.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        List<String> moderation = KeyList.parse(next.moderationKeys()).problems();
        if (!moderation.isEmpty()) {
            problems.put("moderationKeys", String.join(" ", moderation));
        }
        List<String> disallowed = KeyList.parse(next.disallowedKeys()).problems();
        if (!disallowed.isEmpty()) {
            problems.put("disallowedKeys", String.join(" ", disallowed));
        }
        if (next.spamHoldPercent() > next.spamFilePercent()) {
            problems.putIfAbsent("spamHoldPercent", "The hold score cannot be above the spam score.");
        }
        return problems;
    }

    /** Saves all settings or none, and logs what changed; returns the log line (empty when nothing did). */
    @RolesAllowed(Role.ADMIN_NAME)
    public String save(RuleSettings next, String actor) {
        Map<String, String> problems = problems(next);
        if (!problems.isEmpty()) {
            throw new RulesInvalid(problems);
        }
        StoredRuleSettings stored = em.find(StoredRuleSettings.class, StoredRuleSettings.THE_ROW);
        String summary = describeChanges(stored.toSettings(), next);
        if (summary.isEmpty()) {
            return summary;
        }
        stored.update(next);
        em.persist(new RuleChange(actor, Instant.now(), summary));
        changes.fire(new RulesChanged());
        return summary;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public List<RuleChange> recentChanges(int limit) {
        return em.createQuery("SELECT c FROM RuleChange c ORDER BY c.id DESC", RuleChange.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** "Hold comments with this many links: 2 → 3; Disallowed comment keys: 2 lines added, 1 removed". */
    static String describeChanges(RuleSettings before, RuleSettings after) {
        List<String> changes = new ArrayList<>();
        for (RecordComponent component : RuleSettings.class.getRecordComponents()) {
            Object old = value(component, before);
            Object now = value(component, after);
            if (old.equals(now)) {
                continue;
            }
            String label = LABELS.getOrDefault(component.getName(), component.getName());
            if (old instanceof String oldText) {
                Set<String> oldLines = lines(oldText);
                Set<String> newLines = lines((String) now);
                long added = newLines.stream().filter(l -> !oldLines.contains(l)).count();
                long removed = oldLines.stream().filter(l -> !newLines.contains(l)).count();
                if (added + removed > 0) {
                    changes.add(label + ": " + added + (added == 1 ? " line" : " lines") + " added, " + removed + " removed");
                }
            } else {
                changes.add(label + ": " + show(old) + " → " + show(now));
            }
        }
        return String.join("; ", changes);
    }

    private static Set<String> lines(String text) {
        Set<String> lines = new HashSet<>();
        for (String line : KeyList.lines(text)) {
            String entry = line.strip();
            if (!entry.isEmpty()) {
                lines.add(entry);
            }
        }
        return lines;
    }

    private static String show(Object value) {
        if (value instanceof Boolean b) {
            return b ? "on" : "off";
        }
        return value instanceof Decision d ? d.name().toLowerCase() : value.toString();
    }

    private static Object value(RecordComponent component, RuleSettings settings) {
        try {
            return component.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
