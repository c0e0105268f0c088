package org.moderato.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.moderato.platform.Hmac;
import org.moderato.platform.SiteSecret;
import org.moderato.privacy.EmailVault;

/**
 * Who a reader is, for "one report per comment per reader" and the flood limit, without storing who:
 * keyed HMACs under a key of their own (not the comments' blind index, so a reporter cannot be joined to
 * their own comments), of the address as the vault normalises it, else of the IP.
 */
@ApplicationScoped
public class ReaderKeys {

    @Inject
    SiteSecret siteSecret;

    public String reader(String address, String ip) {
        return address != null ? key("email:" + EmailVault.normalise(address)) : client(ip);
    }

    public String client(String ip) {
        return key("ip:" + (ip == null ? "" : ip));
    }

    private String key(String message) {
        return Hmac.sha256Hex(siteSecret.keyFor("report-readers"), message);
    }
}
