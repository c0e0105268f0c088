package org.moderato.privacy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.moderato.privacy.PrivacyLog;
import org.moderato.privacy.PrivacyLogEntry;

/** {@code /admin/privacy/log}: every address reveal, export, erasure, retention change and key rotation, newest first. */
@Named
@RequestScoped
public class PrivacyLogPage {

    static final int SHOWN = 200;

    @Inject
    PrivacyLog log;

    private List<PrivacyLogEntry> entries;

    @PostConstruct
    void load() {
        entries = log.recent(SHOWN);
    }

    public List<PrivacyLogEntry> getEntries() { return entries; }
}
