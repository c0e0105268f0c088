package org.moderato.article.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A date and time typed as {@code 2026-12-01 09:30} (or {@code 2026-12-01T09:30}, as a browser's
 * date picker sends it), read as UTC: the site has no time zone setting yet, so the form says "UTC".
 */
@FacesConverter("moderato.utcDateTime")
public class UtcDateTimeConverter implements Converter<Instant> {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().replace('T', ' ');
        try {
            if (text.length() == 10) {
                text += " 00:00";
            }
            return LocalDateTime.parse(text.length() == 19 ? text : text + ":00", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Please enter the date as year-month-day hours:minutes, like 2026-12-01 09:30.", null));
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return value == null ? "" : SHOWN.format(value);
    }
}
