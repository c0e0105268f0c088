package org.moderato.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The single row of {@code privacy_settings}: how long a comment keeps its full IP address and user agent. */
@Entity
@Table(name = "privacy_settings")
public class PrivacySettings {

    static final int THE_ROW = 1;
    public static final int MAX_RETENTION_DAYS = 3650;

    @Id
    private int id;

    @Column(name = "ip_retention_days", nullable = false)
    private int ipRetentionDays;

    @Version
    private int version;

    protected PrivacySettings() {}

    public int getIpRetentionDays() {
        return ipRetentionDays;
    }

    /** 0 means "anonymise at the next run"; more than ten years is refused as a typo. */
    void changeIpRetention(int days) {
        if (days < 0 || days > MAX_RETENTION_DAYS) {
            throw new PrivacyActionRefused("Enter a number of days from 0 to " + MAX_RETENTION_DAYS + ".");
        }
        ipRetentionDays = days;
    }
}
