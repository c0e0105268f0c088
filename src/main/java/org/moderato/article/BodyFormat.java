package org.moderato.article;

/** What the admin typed the body in; either way readers get sanitised HTML. */
public enum BodyFormat {
    MARKDOWN("Markdown"),
    HTML("HTML");

    private final String label;

    BodyFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
