package org.moderato.rules;

/** One check's opinion and its reason in a moderator's words ("held: 2 links, limit 2"). */
public record Finding(Decision decision, String reason) {

    public static Finding approve(String why) {
        return new Finding(Decision.APPROVE, "approved: " + why);
    }

    public static Finding hold(String why) {
        return new Finding(Decision.HOLD, "held: " + why);
    }

    public static Finding spam(String why) {
        return new Finding(Decision.SPAM, "spam: " + why);
    }
}
