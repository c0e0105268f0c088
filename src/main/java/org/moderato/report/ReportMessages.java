package org.moderato.report;

/** Every sentence this feature shows readers, in one place (for a later move to resource bundles). */
public final class ReportMessages {

    private ReportMessages() {}

    public static final String CHOOSE_REASON = "Please choose why you are reporting this comment.";
    public static final String NOTE_TOO_LONG = "Please keep the note to 1,000 characters.";
    public static final String LAW_REQUIRED = "Please say which law or kind of illegal content this is.";
    public static final String LAW_TOO_LONG = "Please keep this to 200 characters.";
    public static final String EXPLANATION_REQUIRED = "Please explain why this comment is illegal.";
    public static final String EXPLANATION_TOO_LONG = "Please keep the explanation to 2,000 characters.";
    public static final String NAME_TOO_LONG = "Please keep the name to 100 characters.";
    public static final String EMAIL_INVALID = "Please enter a valid email address, or leave it empty.";
    public static final String FIELDS_INVALID = "Please check the fields marked below.";
    public static final String NO_SUCH_COMMENT = "This comment cannot be reported (it may have been removed already).";
    public static final String BOT = "Sorry, your report could not be sent. Please wait a moment and send it again.";
    public static final String ALREADY_REPORTED = "You have already reported this comment. Thank you: one report per reader is counted, and the moderators will look at it.";
    public static final String TOO_MANY = "You have sent many reports in a short time. Please wait a while before sending more.";
    public static final String SENT = "Thank you. Your report was sent to the moderators, who will look at the comment. Other readers keep seeing it until they decide; its author is never told who reported it.";
    public static final String NOTICE_RECEIVED = "Your notice of illegal content was received and has gone to the moderators at once.";

    public static final String NOT_CONTESTABLE = "Only a removal can be contested.";
    public static final String ALREADY_CONTESTED = "You have already asked for a review of this decision; a decision can be contested once.";
    public static final String CONTEST_TOO_LONG = "Please keep your complaint to 1,000 characters.";
    public static final String CONTEST_REQUIRED = "Please say why the decision should be reviewed.";
    public static final String CONTEST_GONE = "This comment was deleted for good after the decision, so it cannot be reviewed any more.";
    public static final String CONTESTED = "Your complaint was received. The comment is back in the moderators' queue, marked as contested; its outcome will show on this page.";
    public static final String BAD_LINK = "This link is not valid. Please use the complete link you were given.";
}
