package org.moderato.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The moderation queue driven over plain HTTP, the way a browser without JavaScript uses it: every
 * action posts the queue form of the page last shown (its view state included) and keeps the answer
 * as the new page.
 */
public final class Desk {

    private static final Pattern MESSAGE = Pattern.compile("<li( class=\"message-error\")?>(.*?)</li>", Pattern.DOTALL);
    private static final Pattern COUNT = Pattern.compile("<a id=\"view-(\\w+)\"[^>]*>[^<]*<span class=\"count\">\\((\\d+)\\)</span>");

    private final WebClient client;
    private String path;
    private HttpPage page;

    public Desk(WebClient client) {
        this.client = client;
    }

    /** A staff member logged in (a fresh session) with the pending queue open. */
    public static Desk logIn(ModeratoServer server, String username, String password) throws IOException {
        WebClient client = WebClient.withCookies(server);
        HttpPage login = client.logIn(username, password);
        if (login.status() != 302) {
            throw new AssertionError(username + " could not log in: " + login.status() + "\n" + login.body());
        }
        return new Desk(client).open("/moderation");
    }

    public Desk open(String queuePath) throws IOException {
        path = queuePath;
        page = client.get(queuePath);
        if (page.status() != 200) {
            throw new AssertionError(queuePath + " answered " + page.status());
        }
        return this;
    }

    public WebClient client() { return client; }
    public HttpPage page() { return page; }

    /** Presses the button labelled {@code label} in the row of one comment. */
    public Desk press(long commentId, String label) throws IOException {
        return post(List.of(Map.entry(buttonIn(item(commentId), label), label)));
    }

    /** Presses a button outside the rows by its id (undo, confirm-delete-yes, bulk-apply, ...). */
    public Desk pressId(String id, String label) throws IOException {
        if (!page.body().contains("id=\"" + id + "\"")) {
            throw new AssertionError("No #" + id + " on the page:\n" + page.body());
        }
        return post(List.of(Map.entry(id, label)));
    }

    /** Ticks the comments and applies one bulk action ({@code approve}, {@code trash}, {@code delete}, ...). */
    public Desk bulk(String actionKey, long... commentIds) throws IOException {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (long id : commentIds) {
            fields.add(Map.entry("selected", Long.toString(id)));
        }
        fields.add(Map.entry("bulk-action", actionKey));
        fields.add(Map.entry("bulk-apply", "Apply"));
        return post(fields);
    }

    /** Types into the row's open reply or edit box ({@code reply-text} / {@code edit-text}) and presses its button. */
    public Desk submitText(long commentId, String textareaId, String text, String buttonLabel) throws IOException {
        String item = item(commentId);
        Matcher area = Pattern.compile("<textarea id=\"([^\"]*" + textareaId + ")\"").matcher(item);
        if (!area.find()) {
            throw new AssertionError("No " + textareaId + " open for comment " + commentId + ":\n" + item);
        }
        return post(List.of(Map.entry(area.group(1), text), Map.entry(buttonIn(item, buttonLabel), buttonLabel)));
    }

    private Desk post(List<Map.Entry<String, String>> extra) throws IOException {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("queueform", "queueform"));
        fields.addAll(extra);
        fields.add(Map.entry("jakarta.faces.ViewState", page.viewState()));
        page = client.postForm(path, fields, Map.of());
        if (page.status() != 200) {
            throw new AssertionError("The queue answered " + page.status() + " to a post:\n" + page.body());
        }
        return this;
    }

    private static String buttonIn(String html, String label) {
        Matcher button = Pattern.compile("name=\"([^\"]+)\" value=\"" + Pattern.quote(label) + "\"").matcher(html);
        if (!button.find()) {
            throw new AssertionError("No '" + label + "' button in:\n" + html);
        }
        return button.group(1);
    }

    /**
     * Moves every pending comment matching the search to the trash, so a test leaves the unfiltered
     * queue (which other tests read page by page) as short as it found it.
     */
    public Desk trashPendingMatching(String search) throws IOException {
        for (List<Long> ids = open("/moderation?s=" + search).ids(); !ids.isEmpty(); ids = open("/moderation?s=" + search).ids()) {
            bulk("trash", ids.stream().mapToLong(Long::longValue).toArray());
        }
        return this;
    }

    public boolean lists(long commentId) throws IOException {
        return showing(commentId).page.hasElement("queued-" + commentId);
    }

    public String item(long commentId) throws IOException {
        return showing(commentId).page.element("li", "queued-" + commentId);
    }

    /** The page of this view that holds the comment (see {@link WebClient#queueShowing}). */
    private Desk showing(long commentId) throws IOException {
        // the view this desk was opened on, without a cursor an earlier lookup added
        String view = path.replaceFirst("[?&]after=\\d+$", "");
        if (!page.hasElement("queued-" + commentId) && WebClient.isPendingView(view)) {
            open(view + (view.contains("?") ? "&" : "?") + "after=" + (commentId - 1));
        }
        return this;
    }

    public List<Long> ids() {
        Matcher m = Pattern.compile("<li id=\"queued-(\\d+)\"").matcher(page.body());
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    public List<String> infos() {
        return messages(false);
    }

    public List<String> errors() {
        return messages(true);
    }

    private List<String> messages(boolean errors) {
        List<String> found = new ArrayList<>();
        if (!page.body().contains("<ul id=\"queue-messages\"")) {
            return found;
        }
        Matcher m = MESSAGE.matcher(page.element("ul", "queue-messages"));
        while (m.find()) {
            if ((m.group(1) != null) == errors) {
                found.add(unescape(m.group(2).strip()));
            }
        }
        return found;
    }

    /** The number on a view's tab: {@code count("pending")}. */
    public long count(String view) {
        Matcher m = COUNT.matcher(page.body());
        while (m.find()) {
            if (m.group(1).equals(view)) {
                return Long.parseLong(m.group(2));
            }
        }
        throw new AssertionError("No count for view " + view);
    }

    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
