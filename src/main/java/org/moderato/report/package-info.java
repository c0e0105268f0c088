/**
 * Readers' reports and the EU Digital Services Act's notice-and-action flow: a reader reports a public
 * comment (no account, no cookie, the comment form's bot protection); enough reports from different
 * readers send it back to the queue through the write path ({@code comment.CommentWriter}); an
 * illegal-content notice goes to the top of the moderators' "Reported" view at once. A moderator's
 * decision is recorded as a {@link org.moderato.report.ReportDecision}; a removal gets a statement of
 * reasons (DSA Art. 17) behind a signed link, which its author may contest once. The transparency
 * figures (DSA Art. 15/24) are counted from the same rows.
 *
 * <p>Depends on {@code comment}, {@code moderation} (every status move goes through
 * {@code ModerationService} with its version check), {@code rules} (form tokens, the threshold),
 * {@code privacy} (the address vault) and {@code platform}; nothing depends on this folder but pages.
 * Mail is another feature's: this one fires {@link org.moderato.report.NoticeReceived} and
 * {@link org.moderato.report.ReportDecided} after commit for it to observe.
 */
package org.moderato.report;
