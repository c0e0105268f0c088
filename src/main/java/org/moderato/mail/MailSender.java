package org.moderato.mail;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moderato.platform.MailSettings;
import org.moderato.privacy.EmailVault;

/**
 * Drains the outbox: after every commit that queued mail ({@link MailNudge}) and every five seconds (for retries, and for rows another node queued). Each row is claimed before it
 * is sent ({@link Outbox#claimDue}), so no two senders send one row; a failed attempt puts it back with a
 * doubling wait (from {@code MODERATO_MAIL_RETRY_SECONDS}, at most half an hour), for three days. A row
 * whose sender stopped in the middle is failed, not resent (see {@link Outbox#abandonExpiredLeases}).
 *
 * <p>This is the only place an address is opened, just before the message is handed to Jakarta Mail;
 * no address is logged: an SMTP server's error text has its addresses blanked before it is stored.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    private static final int BATCH = 20;
    private static final String TIMEOUT_MS = "20000";

    @Inject
    MailSettings settings;

    @Inject
    Outbox outbox;

    @Inject
    StaffAlerts staffAlerts;

    @Inject
    StaffMail staffMail;

    @Inject
    EmailVault vault;

    private volatile Instant nextHousekeeping = Instant.EPOCH;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile Session session;

    /** Outside any transaction: each step of a drain is a short transaction of its own, none spans an SMTP exchange. */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!settings.isOn()) {
            return;
        }
        try {
            Instant now = Instant.now();
            staffAlerts.queueDueDigests(now);
            outbox.abandonExpiredLeases(now);
            if (now.isAfter(nextHousekeeping)) {
                nextHousekeeping = now.plus(Duration.ofHours(1));
                outbox.purgeOld(now);
                staffMail.resealWithCurrentKey();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail housekeeping failed; it runs again in five seconds", e);
        }
        drain();
    }

    /**
     * Sends what is due until nothing is; one drain at a time on this node (others may run on other nodes).
     * A call while one runs makes that one look again before it stops.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void drain() {
        again.set(true);
        if (!settings.isOn() || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            do {
                again.set(false);
                List<OutboxMail> claimed;
                do {
                    claimed = outbox.claimDue(Instant.now(), BATCH);
                    for (OutboxMail mail : claimed) {
                        sendOne(mail);
                    }
                } while (claimed.size() == BATCH);
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending mail failed; it is tried again in five seconds", e);
        } finally {
            draining.set(false);
        }
    }

    private void sendOne(OutboxMail mail) {
        Optional<String> address = vault.decrypt(mail.getRecipientCiphertext());
        if (address.isEmpty()) {
            outbox.failedForGood(mail.getId(), "The recipient's address cannot be read with the current keys.");
            return;
        }
        try {
            Transport.send(message(mail, address.get()));
            outbox.sent(mail.getId(), Instant.now());
        } catch (SendFailedException refused) {
            if (isPermanent(refused)) {
                outbox.failedForGood(mail.getId(), "Refused by the SMTP server: " + describe(refused));
            } else {
                outbox.retryLater(mail, describe(refused), Instant.now());
            }
        } catch (MessagingException | RuntimeException failed) {
            outbox.retryLater(mail, describe(failed), Instant.now());
        }
        LOG.fine(() -> "mail " + mail.getId() + " (" + mail.getKind().label() + ") handled");
    }

    /** A 5xx for every recipient: the server will not take it later either. */
    private static boolean isPermanent(SendFailedException refused) {
        Address[] invalid = refused.getInvalidAddresses();
        String text = String.valueOf(refused.getMessage());
        return invalid != null && invalid.length > 0 && text.matches("(?s)^5\\d\\d.*");
    }

    /** The failure as the outbox page shows it, with any address in it blanked. */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getSimpleName()).append(": ").append(failure.getMessage());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return MailText.withoutAddresses(text.toString());
    }

    MimeMessage message(OutboxMail mail, String to) throws MessagingException {
        String messageId = mail.getMessageId();
        MimeMessage message = new MimeMessage(session()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // the stored id: the same message keeps its id whichever node sends it
                setHeader("Message-ID", messageId);
            }
        };
        try {
            message.setFrom(new InternetAddress(settings.from(), settings.siteName(), StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always there", e);
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(mail.getSubject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(Instant.now()));
        message.setHeader("Auto-Submitted", "auto-generated");
        if (mail.getUnsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + mail.getUnsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.getBodyText(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.getBodyHtml(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private Session session() {
        Session current = session;
        if (current == null) {
            current = Session.getInstance(properties(), authenticator());
            session = current;
        }
        return current;
    }

    private Properties properties() {
        Properties properties = new Properties();
        String host = settings.host().orElseThrow();
        MailSettings.Tls tls = settings.tls();
        String protocol = tls == MailSettings.Tls.TLS ? "smtps" : "smtp";
        properties.put("mail.transport.protocol", protocol);
        // Transport.send picks the transport by the address type, not by mail.transport.protocol
        properties.put("mail.transport.protocol.rfc822", protocol);
        properties.put("mail." + protocol + ".host", host);
        properties.put("mail." + protocol + ".port", Integer.toString(settings.port()));
        properties.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        properties.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        properties.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        properties.put("mail." + protocol + ".from", settings.from());
        properties.put("mail." + protocol + ".localhost", settings.siteHost());
        if (tls == MailSettings.Tls.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (tls != MailSettings.Tls.NONE) {
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        if (settings.user().isPresent()) {
            properties.put("mail." + protocol + ".auth", "true");
        }
        return properties;
    }

    private Authenticator authenticator() {
        if (settings.user().isEmpty()) {
            return null;
        }
        String user = settings.user().get();
        String password = settings.password().orElse("");
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        };
    }
}
