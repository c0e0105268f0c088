package org.moderato.privacy;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Draws an avatar from a token alone: a 5×5 mirrored pattern in one colour, like GitHub's identicons.
 * The token is a keyed HMAC of the blind index (see {@link Avatars}), so the picture tells readers
 * "same author" without anyone being able to get from an address to it, or back.
 */
public final class Identicon {

    public static final String ANONYMOUS = "anonymous";
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final String BACKGROUND = "#f0f0f0";

    private Identicon() {}

    /** The SVG for a token ({@code anonymous} or 32 lower-case hex digits); empty for anything else. */
    public static Optional<String> svg(String token) {
        if (ANONYMOUS.equals(token)) {
            return Optional.of(anonymous());
        }
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] bits = HexFormat.of().parseHex(token);
        String colour = colour(((bits[0] & 0xff) << 8 | (bits[1] & 0xff)) % 360);
        StringBuilder cells = new StringBuilder();
        // 15 bits choose the left three columns; the right two mirror them
        for (int row = 0; row < 5; row++) {
            for (int column = 0; column < 3; column++) {
                int bit = row * 3 + column;
                if ((bits[2 + bit / 8] >> (bit % 8) & 1) == 1) {
                    cells.append("M").append(column).append(' ').append(row).append("h1v1h-1z");
                    if (column < 2) {
                        cells.append("M").append(4 - column).append(' ').append(row).append("h1v1h-1z");
                    }
                }
            }
        }
        return Optional.of("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-0.5 -0.5 6 6\" width=\"48\" height=\"48\""
                + " shape-rendering=\"crispEdges\"><rect x=\"-0.5\" y=\"-0.5\" width=\"6\" height=\"6\" fill=\"" + BACKGROUND + "\"/>"
                + "<path fill=\"" + colour + "\" d=\"" + cells + "\"/></svg>");
    }

    /** For comments without an address (none given, or erased): a plain silhouette, the same for all. */
    private static String anonymous() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 48 48\" width=\"48\" height=\"48\">"
                + "<rect width=\"48\" height=\"48\" fill=\"" + BACKGROUND + "\"/>"
                + "<circle cx=\"24\" cy=\"18\" r=\"9\" fill=\"#b4b4b4\"/>"
                + "<path d=\"M8 44c0-9 7-15 16-15s16 6 16 15z\" fill=\"#b4b4b4\"/></svg>";
    }

    /** A mid-saturation colour of the given hue, readable on the light background. */
    static String colour(int hue) {
        double s = 0.55;
        double l = 0.48;
        double c = (1 - Math.abs(2 * l - 1)) * s;
        double x = c * (1 - Math.abs((hue / 60.0) % 2 - 1));
        double m = l - c / 2;
        double[] rgb = switch (hue / 60) {
            case 0 -> new double[] {c, x, 0};
            case 1 -> new double[] {x, c, 0};
            case 2 -> new double[] {0, c, x};
            case 3 -> new double[] {0, x, c};
            case 4 -> new double[] {x, 0, c};
            default -> new double[] {c, 0, x};
        };
        return String.format(Locale.ROOT, "#%02x%02x%02x",
                Math.round((rgb[0] + m) * 255), Math.round((rgb[1] + m) * 255), Math.round((rgb[2] + m) * 255));
    }
}
