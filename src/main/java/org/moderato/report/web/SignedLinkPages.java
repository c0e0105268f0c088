package org.moderato.report.web;

import java.io.IOException;
import org.moderato.report.ReportMessages;
import org.omnifaces.util.Faces;

/**
 * What the pages behind a signed link (the notifier's acknowledgement, the statement of reasons) answer with:
 * never kept by a cache nor passed on in a Referer, since the address is the authority; a 404 for a link that
 * is not one of ours.
 */
final class SignedLinkPages {

    private SignedLinkPages() {}

    static void prepare(boolean found) throws IOException {
        Faces.getResponse().setHeader("Cache-Control", "private, no-store");
        Faces.getResponse().setHeader("Referrer-Policy", "no-referrer");
        if (!found) {
            Faces.responseSendError(404, ReportMessages.BAD_LINK);
        }
    }
}
