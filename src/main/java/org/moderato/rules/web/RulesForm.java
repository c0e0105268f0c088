package org.moderato.rules.web;

import org.moderato.rules.Decision;
import org.moderato.rules.RuleSettings;

/**
 * The rules page's form: {@link RuleSettings} made editable for Faces. The constraints stay on
 * {@code RuleSettings}; the page maps their messages back onto the fields of the same names.
 */
public class RulesForm {

    private boolean requireNameAndEmail;
    private boolean closeOldArticles;
    private int closeAfterDays;
    private int threadDepth;
    private int floodSeconds;
    private int formMinSeconds;
    private int formMaxHours;
    private boolean botsToSpam;
    private boolean manualApproval;
    private String moderationKeys;
    private String disallowedKeys;
    private int linkLimit;
    private boolean trustApprovedAuthors;
    private int trustAfterApproved;
    private Decision defaultDecision;
    private int commentsPerPage;
    private boolean newestFirst;
    private boolean spamFilter;
    private int spamHoldPercent;
    private int spamFilePercent;
    private int ownEditMinutes;

    public static RulesForm of(RuleSettings s) {
        RulesForm form = new RulesForm();
        form.requireNameAndEmail = s.requireNameAndEmail();
        form.closeOldArticles = s.closeOldArticles();
        form.closeAfterDays = s.closeAfterDays();
        form.threadDepth = s.threadDepth();
        form.floodSeconds = s.floodSeconds();
        form.formMinSeconds = s.formMinSeconds();
        form.formMaxHours = s.formMaxHours();
        form.botsToSpam = s.botsToSpam();
        form.manualApproval = s.manualApproval();
        form.moderationKeys = s.moderationKeys();
        form.disallowedKeys = s.disallowedKeys();
        form.linkLimit = s.linkLimit();
        form.trustApprovedAuthors = s.trustApprovedAuthors();
        form.trustAfterApproved = s.trustAfterApproved();
        form.defaultDecision = s.defaultDecision();
        form.commentsPerPage = s.commentsPerPage();
        form.newestFirst = s.newestFirst();
        form.spamFilter = s.spamFilter();
        form.spamHoldPercent = s.spamHoldPercent();
        form.spamFilePercent = s.spamFilePercent();
        form.ownEditMinutes = s.ownEditMinutes();
        return form;
    }

    public RuleSettings toSettings() {
        return new RuleSettings(requireNameAndEmail, closeOldArticles, closeAfterDays, threadDepth, floodSeconds,
                formMinSeconds, formMaxHours, botsToSpam, manualApproval, nonNull(moderationKeys), nonNull(disallowedKeys),
                linkLimit, trustApprovedAuthors, trustAfterApproved, defaultDecision, commentsPerPage, newestFirst, spamFilter,
                spamHoldPercent, spamFilePercent, ownEditMinutes);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    public boolean isRequireNameAndEmail() { return requireNameAndEmail; }
    public void setRequireNameAndEmail(boolean v) { requireNameAndEmail = v; }
    public boolean isCloseOldArticles() { return closeOldArticles; }
    public void setCloseOldArticles(boolean v) { closeOldArticles = v; }
    public int getCloseAfterDays() { return closeAfterDays; }
    public void setCloseAfterDays(int v) { closeAfterDays = v; }
    public int getThreadDepth() { return threadDepth; }
    public void setThreadDepth(int v) { threadDepth = v; }
    public int getFloodSeconds() { return floodSeconds; }
    public void setFloodSeconds(int v) { floodSeconds = v; }
    public int getFormMinSeconds() { return formMinSeconds; }
    public void setFormMinSeconds(int v) { formMinSeconds = v; }
    public int getFormMaxHours() { return formMaxHours; }
    public void setFormMaxHours(int v) { formMaxHours = v; }
    public boolean isBotsToSpam() { return botsToSpam; }
    public void setBotsToSpam(boolean v) { botsToSpam = v; }
    public boolean isManualApproval() { return manualApproval; }
    public void setManualApproval(boolean v) { manualApproval = v; }
    public String getModerationKeys() { return moderationKeys; }
    public void setModerationKeys(String v) { moderationKeys = v; }
    public String getDisallowedKeys() { return disallowedKeys; }
    public void setDisallowedKeys(String v) { disallowedKeys = v; }
    public int getLinkLimit() { return linkLimit; }
    public void setLinkLimit(int v) { linkLimit = v; }
    public boolean isTrustApprovedAuthors() { return trustApprovedAuthors; }
    public void setTrustApprovedAuthors(boolean v) { trustApprovedAuthors = v; }
    public int getTrustAfterApproved() { return trustAfterApproved; }
    public void setTrustAfterApproved(int v) { trustAfterApproved = v; }
    public Decision getDefaultDecision() { return defaultDecision; }
    public void setDefaultDecision(Decision v) { defaultDecision = v; }
    public int getCommentsPerPage() { return commentsPerPage; }
    public void setCommentsPerPage(int v) { commentsPerPage = v; }
    public boolean isNewestFirst() { return newestFirst; }
    public void setNewestFirst(boolean v) { newestFirst = v; }
    public boolean isSpamFilter() { return spamFilter; }
    public void setSpamFilter(boolean v) { spamFilter = v; }
    public int getSpamHoldPercent() { return spamHoldPercent; }
    public void setSpamHoldPercent(int v) { spamHoldPercent = v; }
    public int getSpamFilePercent() { return spamFilePercent; }
    public void setSpamFilePercent(int v) { spamFilePercent = v; }
    public int getOwnEditMinutes() { return ownEditMinutes; }
    public void setOwnEditMinutes(int v) { ownEditMinutes = v; }
}
