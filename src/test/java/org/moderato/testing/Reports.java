package org.moderato.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The report form as a browser fills it, and a moderator's removal on the Reported view. */
public final class Reports {

    private static final Pattern TOKEN = Pattern.compile("name=\"moderato_token\" value=\"([^\"]*)\"");
    private static final Pattern STATEMENT = Pattern.compile("id=\"statement-link\" href=\"([^\"]+)\"");

    private Reports() {}

    /** The report page's fields with a reason and a note, the notice's fields empty. */
    public static Map<String, String> form(HttpPage page, long commentId, String reason, String note) {
        Matcher token = TOKEN.matcher(page.body());
        assertTrue(token.find(), "the report page has a form token:\n" + page.body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("comment", Long.toString(commentId));
        form.put("reason", reason);
        form.put("law", "");
        form.put("explanation", "");
        form.put("notifier-name", "");
        form.put("notifier-email", "");
        form.put("note", note);
        form.put("comment_extra", "");
        form.put("moderato_token", token.group(1));
        return form;
    }

    /** Removes a reported comment on a ground from the list, as a moderator does; returns the path of its statement of reasons. */
    public static String remove(WebClient staff, long commentId, String ground, String explanation) throws IOException {
        HttpPage view = staff.get("/moderation-reported");
        assertEquals(200, view.status(), view.body());
        String row = view.element("li", "reported-" + commentId);
        Matcher button = Pattern.compile("name=\"([^\"]+)\" value=\"Remove\"").matcher(row);
        assertTrue(button.find(), "no Remove in\n" + row);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("reportedform", "reportedform");
        form.put("ground-" + commentId, ground);
        form.put("explanation-" + commentId, explanation);
        form.put(button.group(1), "Remove");
        form.put("jakarta.faces.ViewState", view.viewState());
        HttpPage removed = staff.postForm("/moderation-reported", form);
        assertEquals(200, removed.status(), removed.body());
        Matcher link = STATEMENT.matcher(removed.body());
        assertTrue(link.find(), removed.body());
        return link.group(1).replace("&amp;", "&");
    }
}
