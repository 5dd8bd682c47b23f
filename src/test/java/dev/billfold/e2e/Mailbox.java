package dev.billfold.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server for the browser tests (GreenMail), started once per JVM before the production app, which mails
 * its invitations here. A test reads the link out of the mail the way the invitee would.
 */
final class Mailbox {

    private static final Pattern INVITATION_LINK = Pattern.compile("https?://\\S+/invitation/[A-Za-z0-9_-]{43}");
    private static final long WAIT_MILLIS = 20_000;

    private static Mailbox running;

    private final GreenMail smtp;
    private final int port;

    private Mailbox(GreenMail smtp, int port) {
        this.smtp = smtp;
        this.port = port;
    }

    static synchronized Mailbox get() {
        if (running == null) {
            int port = freePort();
            var smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            running = new Mailbox(smtp, port);
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "billfold-e2e-smtp-stop"));
        }
        return running;
    }

    /** Spring arguments that make the app send its mail here, with links to its own address. */
    List<String> appArguments() {
        return List.of("--billfold.mail.enabled=true", "--billfold.mail.from=billing@e2e.test",
                "--billfold.mail.public-url=http://localhost:${server.port}", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + port);
    }

    /** The invitation link in the mail to {@code address}, waiting for the mail to arrive. */
    String invitationLinkSentTo(String address) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                if (isTo(mail, address)) {
                    Matcher link = INVITATION_LINK.matcher(body(mail));
                    if (!link.find()) {
                        throw new AssertionError("The mail to " + address + " has no invitation link: " + body(mail));
                    }
                    return link.group();
                }
            }
            smtp.waitForIncomingEmail(500, smtp.getReceivedMessages().length + 1);
        }
        throw new AssertionError("No mail to " + address + " arrived within " + WAIT_MILLIS + " ms");
    }

    /** The first mail to {@code address} whose subject contains {@code subject}, waiting for it to arrive. */
    MimeMessage messageTo(String address, String subject) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                if (isTo(mail, address) && subjectOf(mail).contains(subject)) {
                    return mail;
                }
            }
            smtp.waitForIncomingEmail(500, smtp.getReceivedMessages().length + 1);
        }
        throw new AssertionError("No mail to " + address + " about " + subject + " arrived within " + WAIT_MILLIS
                + " ms");
    }

    /** How many mails to {@code address} have arrived so far. */
    long countTo(String address) {
        return List.of(smtp.getReceivedMessages()).stream().filter(mail -> isTo(mail, address)).count();
    }

    /** The bytes of the mail's one PDF attachment. */
    static byte[] pdfAttachment(MimeMessage mail) {
        try {
            var parts = (jakarta.mail.Multipart) mail.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                var part = parts.getBodyPart(i);
                if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                        && part.getContentType().startsWith("application/pdf")) {
                    return part.getInputStream().readAllBytes();
                }
            }
            throw new AssertionError("The mail has no PDF attachment");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject() == null ? "" : mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage mail, String address) {
        try {
            Address[] to = mail.getAllRecipients();
            return to != null && List.of(to).stream().anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
