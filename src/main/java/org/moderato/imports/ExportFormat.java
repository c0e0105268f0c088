package org.moderato.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which export a file is, told by its root element: {@code <rss>} is WordPress's WXR, {@code <disqus>} Disqus's. */
public enum ExportFormat {
    WORDPRESS, DISQUS;

    private static final int LOOK_AT_BYTES = 16 * 1024;
    /** The first element after the prolog, comments and a doctype: a name, not "?xml", "!--" or "!DOCTYPE". */
    private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)[\\s>/]");

    /** The format of the file that starts with these bytes, or empty when it is neither. */
    public static Optional<ExportFormat> of(InputStream start) throws IOException {
        String head = new String(start.readNBytes(LOOK_AT_BYTES), StandardCharsets.UTF_8)
                .replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<\\?.*?\\?>", "").replaceAll("(?s)<!DOCTYPE[^>]*>", "");
        Matcher root = ROOT.matcher(head);
        if (!root.find()) {
            return Optional.empty();
        }
        return switch (root.group(2)) {
            case "rss" -> Optional.of(WORDPRESS);
            case "disqus" -> Optional.of(DISQUS);
            default -> Optional.empty();
        };
    }
}
