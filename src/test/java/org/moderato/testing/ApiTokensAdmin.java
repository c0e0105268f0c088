package org.moderato.testing;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Staff API tokens made and revoked the way an admin does it, on {@code /admin/api-tokens}. */
public final class ApiTokensAdmin {

    private static final Pattern CREATED = Pattern.compile("id=\"created-token\"[^>]*value=\"(mdt_[A-Za-z0-9_-]+)\"");

    private ApiTokensAdmin() {}

    /** Creates a token with the scopes given ("read-queue", "moderate") and returns its secret. */
    public static String create(WebClient admin, String name, String... scopes) throws IOException {
        Map<String, String> form = HtmlForm.fields(admin.get("/admin/api-tokens").body(), "tokensform");
        form.put("token-name", name);
        for (String scope : scopes) {
            form.put("scope-" + scope, "on");
        }
        form.put("token-create", "Create token");
        HttpPage created = admin.postForm("/admin/api-tokens", form);
        Matcher secret = CREATED.matcher(created.body());
        if (!secret.find()) {
            throw new AssertionError("no token created:\n" + created.body());
        }
        return secret.group(1);
    }

    /** Presses Revoke in the row of the token named {@code name}. */
    public static void revoke(WebClient admin, String name) throws IOException {
        HttpPage page = admin.get("/admin/api-tokens");
        Matcher row = Pattern.compile("<tr id=\"(token-\\d+)\" class=\"token\">\\s*<td class=\"token-name\">" + Pattern.quote(name)
                + "</td>.*?name=\"([^\"]+)\" value=\"Revoke\"", Pattern.DOTALL).matcher(page.body());
        if (!row.find()) {
            throw new AssertionError("no Revoke for " + name + ":\n" + page.body());
        }
        Map<String, String> form = HtmlForm.fields(page.body(), "tokensform");
        form.remove("token-create");
        form.put(row.group(2), "Revoke");
        admin.postForm("/admin/api-tokens", form);
    }
}
