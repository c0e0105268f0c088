package org.moderato.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * A real SMTP server for the tests (GreenMail) on a free loopback port, which can be stopped and
 * started again on the same port (an SMTP outage). Every message it ever received is kept, as the raw
 * bytes that came over the wire, across those restarts.
 */
public final class Mailbox implements AutoCloseable {

    /** One received message: its raw text and the parsed message. */
    public record Received(String raw, MimeMessage message) {

        public String to() {
            try {
                Address[] to = message.getRecipients(Message.RecipientType.TO);
                return to == null || to.length == 0 ? "" : to[0].toString().toLowerCase(Locale.ROOT);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        public String subject() {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        public String header(String name) {
            try {
                String[] values = message.getHeader(name);
                return values == null ? null : values[0];
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The body part of this content type ("text/plain", "text/html"), decoded. */
        public String part(String type) {
            try {
                Multipart multipart = (Multipart) message.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType(type)) {
                        return (String) part.getContent();
                    }
                }
                throw new AssertionError("no " + type + " part in:\n" + raw);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final int port;
    private final List<Received> earlier = new ArrayList<>();
    private GreenMail server;

    private Mailbox(int port) {
        this.port = port;
    }

    public static Mailbox start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Mailbox mailbox = new Mailbox(port);
        mailbox.up();
        return mailbox;
    }

    public int port() { return port; }

    /**
     * A fresh Moderato whose mail goes to this mailbox (plain SMTP on loopback, retries after a second),
     * with the site's name and any other settings given; quick posting allowed.
     */
    public ModeratoServer startServer(String siteName, Map<String, String> more) throws IOException {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("MODERATO_SMTP_HOST", "127.0.0.1");
        settings.put("MODERATO_SMTP_PORT", Integer.toString(port));
        settings.put("MODERATO_SMTP_TLS", "none");
        settings.put("MODERATO_MAIL_FROM", "comments@blog.example");
        settings.put("MODERATO_SITE_NAME", siteName);
        settings.put("MODERATO_MAIL_RETRY_SECONDS", "1");
        ModeratoServer server = ModeratoServer.startFresh(settings);
        server.allowQuickPosting(ModeratoServer.ADMIN_PASSWORD);
        return server;
    }

    /** (Re)starts the SMTP server on the same port. */
    public synchronized void up() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Stops it, keeping what it received: connections are refused until {@link #up}. */
    public synchronized void down() {
        earlier.addAll(current());
        server.stop();
        server = null;
    }

    public synchronized List<Received> all() {
        List<Received> all = new ArrayList<>(earlier);
        all.addAll(current());
        return all;
    }

    public List<Received> to(String address) {
        return all().stream().filter(m -> m.to().equals(address.toLowerCase(Locale.ROOT))).toList();
    }

    /** Waits until {@code count} messages match, and returns them; fails when more or fewer match after the wait. */
    public List<Received> await(Predicate<Received> which, int count, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            List<Received> found = all().stream().filter(which).toList();
            if (found.size() > count) {
                throw new AssertionError("expected " + count + " messages, got " + found.size() + ": "
                        + found.stream().map(Received::subject).toList());
            }
            if (found.size() == count) {
                return found;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("expected " + count + " messages within " + timeout + ", got " + found.size() + "; all: "
                        + all().stream().map(m -> m.to() + " " + m.subject()).toList());
            }
            sleep(100);
        }
    }

    private List<Received> current() {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).map(Mailbox::received).toList();
    }

    private static Received received(MimeMessage message) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.toByteArray()));
            return new Received(raw.toString(java.nio.charset.StandardCharsets.UTF_8), parsed);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
        }
    }
}
