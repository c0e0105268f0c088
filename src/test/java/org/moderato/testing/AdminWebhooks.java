package org.moderato.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The admin's webhooks page, as an admin uses it. */
public final class AdminWebhooks {

    private static final Pattern CREATED_SECRET = Pattern.compile("id=\"created-secret\"[^>]*value=\"(whsec_[0-9a-f]+)\"");

    private AdminWebhooks() {}

    /** Adds a webhook for {@code events} ("held", "approved", "reported"); returns its secret, which the page shows once. */
    public static String add(WebClient admin, String url, String... events) throws IOException {
        HttpPage page = admin.get("/admin/webhooks");
        assertEquals(200, page.status());
        Map<String, String> form = HtmlForm.fields(page.body(), "webhooksform");
        form.put("webhook-url", url);
        for (String event : events) {
            form.put("event-" + event, "on");
        }
        form.put("webhook-add", "Add webhook");
        HttpPage added = admin.postForm("/admin/webhooks", form);
        Matcher secret = CREATED_SECRET.matcher(added.body());
        assertTrue(secret.find(), added.body());
        return secret.group(1);
    }
}
