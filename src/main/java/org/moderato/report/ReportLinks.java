package org.moderato.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.moderato.platform.Hmac;
import org.moderato.platform.SiteSecret;

/**
 * Signed links without a session, as the pending preview's: the author's statement of reasons
 * ({@code /statement?decision=ID&sig=...}) and a notifier's acknowledgement ({@code /notice?report=ID&sig=...}).
 * They do not expire (a complaint may come weeks later); the signature is checked against the previous
 * site secret too, so a rotation breaks no link sent before it.
 */
@ApplicationScoped
public class ReportLinks {

    @Inject
    SiteSecret siteSecret;

    private byte[] fixedKey;

    public ReportLinks() {}

    ReportLinks(byte[] key) {
        this.fixedKey = key.clone();
    }

    private List<byte[]> keys() {
        return fixedKey != null ? List.of(fixedKey) : siteSecret.keysFor("report-links");
    }

    public String statementPath(long decisionId) {
        return "/statement?decision=" + decisionId + "&sig=" + sign("statement:" + decisionId);
    }

    public String noticePath(long reportId) {
        return "/notice?report=" + reportId + "&sig=" + sign("notice:" + reportId);
    }

    public boolean isStatementSigned(long decisionId, String signature) {
        return matches("statement:" + decisionId, signature);
    }

    public boolean isNoticeSigned(long reportId, String signature) {
        return matches("notice:" + reportId, signature);
    }

    private String sign(String message) {
        return Hmac.sha256Hex(keys().get(0), message);
    }

    private boolean matches(String message, String signature) {
        return signature != null && keys().stream().anyMatch(key -> Hmac.matches(Hmac.sha256Hex(key, message), signature));
    }
}
