package org.moderato.account.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.moderato.account.AccountRefused;
import org.moderato.account.ApiScope;
import org.moderato.account.ApiTokens;
import org.moderato.account.ApiTokens.TokenRow;
import org.moderato.platform.PageActions;
import org.omnifaces.util.Messages;

/** {@code /admin/api-tokens}: staff API tokens, created with scopes (the secret shown once) and revoked. */
@Named
@RequestScoped
public class ApiTokensPage {

    @Inject
    ApiTokens tokens;

    private List<TokenRow> rows;
    private String name;
    private boolean readQueue;
    private boolean moderate;
    private String created;

    @PostConstruct
    void load() {
        rows = tokens.list();
    }

    public void create() {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        if (readQueue) {
            scopes.add(ApiScope.READ_QUEUE);
        }
        if (moderate) {
            scopes.add(ApiScope.MODERATE);
        }
        run(() -> {
            created = tokens.create(name, scopes).secret();
            Messages.addGlobalInfo("Token {0} created. Copy it now: it is not shown again.", name);
            name = null;
        });
    }

    public void revoke(TokenRow row) {
        run(() -> {
            tokens.revoke(row.id());
            Messages.addGlobalInfo("Token {0} revoked.", row.name());
        });
    }

    private void run(Runnable action) {
        PageActions.run(action, AccountRefused.class, "Only admins can manage API tokens.");
        rows = tokens.list();
    }

    public List<TokenRow> getRows() { return rows; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isReadQueue() { return readQueue; }
    public void setReadQueue(boolean readQueue) { this.readQueue = readQueue; }
    public boolean isModerate() { return moderate; }
    public void setModerate(boolean moderate) { this.moderate = moderate; }
    public String getCreated() { return created; }
}
