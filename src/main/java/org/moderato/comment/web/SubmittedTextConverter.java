package org.moderato.comment.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.util.function.UnaryOperator;
import org.moderato.comment.SubmittedText;

/**
 * Cleans form input before it is validated, so the constraints judge what will be stored (a
 * trimmed name, "example.com" as "http://example.com"), not the raw keystrokes.
 */
public abstract class SubmittedTextConverter implements Converter<String> {

    private final UnaryOperator<String> clean;

    protected SubmittedTextConverter(UnaryOperator<String> clean) {
        this.clean = clean;
    }

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        return SubmittedText.blankToNull(clean.apply(value));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value == null ? "" : value;
    }

    @FacesConverter("moderato.line")
    public static class Line extends SubmittedTextConverter {
        public Line() { super(SubmittedText::cleanLine); }
    }

    @FacesConverter("moderato.text")
    public static class Text extends SubmittedTextConverter {
        public Text() { super(SubmittedText::cleanText); }
    }

    @FacesConverter("moderato.website")
    public static class Website extends SubmittedTextConverter {
        public Website() { super(SubmittedText::website); }
    }
}
