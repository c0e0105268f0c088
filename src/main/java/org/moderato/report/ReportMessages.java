package org.moderato.report;

import java.util.Locale;
import java.util.ResourceBundle;
import org.moderato.platform.ReaderTexts;

/**
 * Every sentence the report feature says to readers, as the core writes it: the English of the reader
 * bundle ({@code report.msg.*}), so there is one text per message. The doors show it in the reader's
 * language ({@link ReaderTexts#translate}).
 */
public final class ReportMessages {

    private ReportMessages() {}

    private static final ResourceBundle ENGLISH = ReaderTexts.bundle(Locale.ENGLISH);

    private static String en(String key) {
        return ENGLISH.getString("report.msg." + key);
    }

    public static final String CHOOSE_REASON = en("chooseReason");
    public static final String NOTE_TOO_LONG = en("noteTooLong");
    public static final String LAW_REQUIRED = en("lawRequired");
    public static final String LAW_TOO_LONG = en("lawTooLong");
    public static final String EXPLANATION_REQUIRED = en("explanationRequired");
    public static final String EXPLANATION_TOO_LONG = en("explanationTooLong");
    public static final String NAME_TOO_LONG = en("nameTooLong");
    public static final String EMAIL_INVALID = en("emailInvalid");
    public static final String FIELDS_INVALID = en("fieldsInvalid");
    public static final String NO_SUCH_COMMENT = en("noSuchComment");
    public static final String BOT = en("bot");
    public static final String ALREADY_REPORTED = en("alreadyReported");
    public static final String TOO_MANY = en("tooMany");
    public static final String SENT = en("sent");
    public static final String NOTICE_RECEIVED = en("noticeReceived");

    public static final String NOT_CONTESTABLE = en("notContestable");
    public static final String ALREADY_CONTESTED = en("alreadyContested");
    public static final String CONTEST_TOO_LONG = en("contestTooLong");
    public static final String CONTEST_REQUIRED = en("contestRequired");
    public static final String CONTEST_GONE = en("contestGone");
    public static final String CONTESTED = en("contested");
    public static final String BAD_LINK = en("badLink");
}
