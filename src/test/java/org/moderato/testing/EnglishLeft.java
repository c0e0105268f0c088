package org.moderato.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.moderato.platform.ReaderTexts;

/**
 * English texts of a bundle (those the other language writes differently) found in what a reader reads:
 * each English value, cut at its placeholders, looked for as words ("Commentaire" is not "Comment").
 */
public final class EnglishLeft {

    private EnglishLeft() {}

    public static List<String> in(String text, String bundle, Locale locale) {
        ResourceBundle english = ReaderTexts.bundle(bundle, Locale.ENGLISH);
        ResourceBundle other = ReaderTexts.bundle(bundle, locale);
        List<String> found = new ArrayList<>();
        for (String key : english.keySet()) {
            for (String piece : english.getString(key).split("\\{\\d}")) {
                piece = piece.strip();
                if (piece.length() > 3 && !other.getString(key).contains(piece)
                        && Pattern.compile("(?<!\\p{L})" + Pattern.quote(piece) + "(?!\\p{L})").matcher(text).find()) {
                    found.add(key + ": " + piece);
                }
            }
        }
        return found;
    }

    /** A page or a message body as text: scripts and tags out, the usual entities read, spaces collapsed. */
    public static String textOf(String html) {
        String text = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<[^>]*>", " ")
                .replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&nbsp;", "\u00a0").replace("&laquo;", "\u00ab").replace("&raquo;", "\u00bb");
        java.util.regex.Matcher numeric = Pattern.compile("&#(\\d{1,6});").matcher(text);
        StringBuilder read = new StringBuilder();
        while (numeric.find()) {
            numeric.appendReplacement(read, java.util.regex.Matcher.quoteReplacement(Character.toString(Integer.parseInt(numeric.group(1)))));
        }
        numeric.appendTail(read);
        // a no-break space stays one: the bundles write it where French wants it
        return read.toString().replace("&amp;", "&").replaceAll("[ \\t\\r\\n]+", " ");
    }
}
