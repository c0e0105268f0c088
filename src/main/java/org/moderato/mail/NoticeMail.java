package org.moderato.mail;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Locale;
import org.moderato.comment.Comment;
import org.moderato.platform.MailSettings;
import org.moderato.platform.ReaderTexts;
import org.moderato.report.NoticeReceived;
import org.moderato.report.ReportDecided;

/**
 * The notice-and-action mails, when mail is on: the notifier of illegal content hears that the notice
 * arrived and what was decided; the author of a removed comment gets the statement of reasons. Queued
 * in the report's or the decision's own transaction (the events are fired in it), so they exist exactly
 * when what they tell of committed. Never the other party's address or name.
 */
@Stateless
public class NoticeMail {

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSettings settings;

    @Inject
    Outbox outbox;

    /** In the site's language: notifiers and authors reach us through its pages. */
    @Inject
    ReaderTexts texts;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onNotice(@Observes NoticeReceived notice) {
        if (!settings.isOn() || notice.sealedNotifierEmail() == null) {
            return;
        }
        Comment comment = em.find(Comment.class, notice.commentId());
        String site = settings.siteName();
        Locale locale = texts.siteLocale();
        MailText.Bodies bodies = MailText.notice(locale, site, comment.getArticle().getTitle(), settings.siteUrl() + notice.acknowledgementPath());
        outbox.queue(new MailMessage(MailKind.NOTICE, notice.sealedNotifierEmail(), null, MailText.noticeSubject(locale, site), bodies.text(),
                bodies.html(), null, null, comment.getId()), Instant.now());
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onDecided(@Observes ReportDecided decided) {
        if (!settings.isOn()) {
            return;
        }
        Comment comment = em.find(Comment.class, decided.commentId());
        if (comment == null) {
            return;
        }
        String site = settings.siteName();
        String title = comment.getArticle().getTitle();
        Locale locale = texts.siteLocale();
        Instant now = Instant.now();
        for (String notifier : decided.sealedNotifierEmails()) {
            MailText.Bodies bodies = MailText.decision(locale, site, title, decided.outcome().key());
            outbox.queue(new MailMessage(MailKind.DECISION, notifier, null, MailText.decisionSubject(locale, site), bodies.text(), bodies.html(),
                    null, null, comment.getId()), now);
        }
        if (decided.statementPath() != null && comment.getEmailCiphertext() != null) {
            MailText.Bodies bodies = MailText.statement(locale, site, title, settings.siteUrl() + decided.statementPath());
            outbox.queue(new MailMessage(MailKind.STATEMENT, comment.getEmailCiphertext(), null, MailText.statementSubject(locale, site), bodies.text(),
                    bodies.html(), null, "STATEMENT:" + decided.decisionId(), comment.getId()), now);
        }
    }
}
