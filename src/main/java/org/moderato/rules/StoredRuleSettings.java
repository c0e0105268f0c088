package org.moderato.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The single row of {@code rule_settings}; the rest of the app sees {@link RuleSettings} only. */
@Entity
@Table(name = "rule_settings")
public class StoredRuleSettings {

    static final int THE_ROW = 1;

    @Id
    private int id;
    @Column(name = "require_name_and_email") private boolean requireNameAndEmail;
    @Column(name = "close_old_articles") private boolean closeOldArticles;
    @Column(name = "close_after_days") private int closeAfterDays;
    @Column(name = "thread_depth") private int threadDepth;
    @Column(name = "flood_seconds") private int floodSeconds;
    @Column(name = "form_min_seconds") private int formMinSeconds;
    @Column(name = "form_max_hours") private int formMaxHours;
    @Column(name = "bots_to_spam") private boolean botsToSpam;
    @Column(name = "manual_approval") private boolean manualApproval;
    @Column(name = "moderation_keys") private String moderationKeys;
    @Column(name = "disallowed_keys") private String disallowedKeys;
    @Column(name = "link_limit") private int linkLimit;
    @Column(name = "trust_approved_authors") private boolean trustApprovedAuthors;
    @Column(name = "trust_after_approved") private int trustAfterApproved;
    @Enumerated(EnumType.STRING)
    @Column(name = "default_decision") private Decision defaultDecision;
    @Column(name = "comments_per_page") private int commentsPerPage;
    @Column(name = "newest_first") private boolean newestFirst;
    @Column(name = "spam_filter") private boolean spamFilter;
    @Column(name = "spam_hold_percent") private int spamHoldPercent;
    @Column(name = "spam_file_percent") private int spamFilePercent;
    @Column(name = "own_edit_minutes") private int ownEditMinutes;
    @Version
    private int version;

    protected StoredRuleSettings() {}

    RuleSettings toSettings() {
        return new RuleSettings(requireNameAndEmail, closeOldArticles, closeAfterDays, threadDepth, floodSeconds,
                formMinSeconds, formMaxHours, botsToSpam, manualApproval, moderationKeys, disallowedKeys, linkLimit,
                trustApprovedAuthors, trustAfterApproved, defaultDecision, commentsPerPage, newestFirst, spamFilter, spamHoldPercent,
                spamFilePercent, ownEditMinutes);
    }

    void update(RuleSettings s) {
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
        spamFilter = s.spamFilter();
        spamHoldPercent = s.spamHoldPercent();
        spamFilePercent = s.spamFilePercent();
        ownEditMinutes = s.ownEditMinutes();
    }
}
