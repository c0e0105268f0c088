package org.moderato.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields a browser would send for one form of a page: text inputs with their values, checked
 * checkboxes, textareas and selected options. Enough for tests that drive Faces forms over HTTP.
 */
public final class HtmlForm {

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern SELECTED = Pattern.compile("<option[^>]*value=\"([^\"]*)\"[^>]*selected", Pattern.CASE_INSENSITIVE);

    private HtmlForm() {}

    /** Field values of {@code <form id="formId">}, without any submit button. */
    public static Map<String, String> fields(String html, String formId) {
        int start = html.indexOf("<form id=\"" + formId + "\"");
        if (start < 0) {
            throw new AssertionError("no form " + formId);
        }
        String form = html.substring(start, html.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            String attributes = input.group(1);
            String name = attribute(attributes, "name");
            String type = attribute(attributes, "type");
            if (name == null || "submit".equals(type)) {
                continue;
            }
            if ("checkbox".equals(type) || "radio".equals(type)) {
                if (attributes.contains("checked")) {
                    fields.put(name, attribute(attributes, "value") == null ? "on" : attribute(attributes, "value"));
                }
            } else {
                fields.put(name, unescape(attribute(attributes, "value") == null ? "" : attribute(attributes, "value")));
            }
        }
        Matcher textarea = TEXTAREA.matcher(form);
        while (textarea.find()) {
            fields.put(attribute(textarea.group(1), "name"), unescape(textarea.group(2)));
        }
        Matcher select = SELECT.matcher(form);
        while (select.find()) {
            Matcher selected = SELECTED.matcher(select.group(2));
            if (selected.find()) {
                fields.put(attribute(select.group(1), "name"), selected.group(1));
            }
        }
        return fields;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
