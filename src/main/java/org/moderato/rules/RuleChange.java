package org.moderato.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who changed the rules, when, and what changed, in words. */
@Entity
@Table(name = "rule_changes")
public class RuleChange {

    @Id
    @SequenceGenerator(name = "seq_rule_changes", sequenceName = "seq_rule_changes", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seq_rule_changes")
    private Long id;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false, length = 4000)
    private String summary;

    protected RuleChange() {}

    RuleChange(String changedBy, Instant changedAt, String summary) {
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.summary = summary.length() <= 4000 ? summary : summary.substring(0, 3997) + "...";
    }

    public Long getId() { return id; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }
    public String getSummary() { return summary; }
}
