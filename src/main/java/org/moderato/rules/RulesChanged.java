package org.moderato.rules;

/** The site rules were saved; observers hear of it after the transaction commits. */
public record RulesChanged() {}
