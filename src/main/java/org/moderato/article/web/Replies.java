package org.moderato.article.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small wording helpers for pages: "1 reply" / "N replies", and dates as readers read them. */
@Named
@ApplicationScoped
public class Replies {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public static String count(long n) {
        return n == 1 ? "1 reply" : n + " replies";
    }

    public String label(long n) {
        return count(n);
    }

    public String date(Instant instant) {
        return DATE.format(instant);
    }

    public String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    public String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
