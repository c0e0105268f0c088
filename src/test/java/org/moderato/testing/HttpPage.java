package org.moderato.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One HTTP answer: status, headers and body, with the few lookups the tests need. */
public record HttpPage(String path, int status, Map<String, List<String>> headers, String body) {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    public List<String> headerValues(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    public String viewState() {
        Matcher m = VIEW_STATE.matcher(body);
        if (!m.find()) {
            throw new AssertionError("No Faces view state on " + path + " (" + status + "):\n" + body);
        }
        return m.group(1);
    }

    /** The outer HTML of the first {@code <tag id="id">} element, with any elements of the same tag nested in it. */
    public String element(String tag, String id) {
        int start = body.indexOf("<" + tag + " id=\"" + id + "\"");
        if (start < 0) {
            throw new AssertionError("No <" + tag + " id=\"" + id + "\"> on " + path + ":\n" + body);
        }
        Matcher tags = Pattern.compile("<(/?)" + Pattern.quote(tag) + "[\\s>]").matcher(body);
        int open = 0;
        for (int from = start; tags.find(from); from = tags.end()) {
            open += tags.group(1).isEmpty() ? 1 : -1;
            if (open == 0) {
                return body.substring(start, body.indexOf('>', tags.start()) + 1);
            }
        }
        return body.substring(start);
    }

    public boolean hasElement(String id) {
        return body.contains("id=\"" + id + "\"");
    }

    /** Where a redirect points, resolved against nothing: the path as the server sent it. */
    public String location() {
        return header("Location").orElseThrow(() -> new AssertionError("No Location header on " + path + " (" + status + ")"));
    }

    @Override
    public String toString() {
        return status + " " + path;
    }
}
