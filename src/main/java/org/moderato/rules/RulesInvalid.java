package org.moderato.rules;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/** Settings that cannot be saved; problems by setting name ("disallowedKeys" -> "Line 3 ..."). Nothing is saved. */
@ApplicationException(rollback = true)
public class RulesInvalid extends RuntimeException {

    private final Map<String, String> problems;

    public RulesInvalid(Map<String, String> problems) {
        super("Invalid rules: " + problems);
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
