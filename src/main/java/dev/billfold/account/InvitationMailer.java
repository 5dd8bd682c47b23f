package dev.billfold.account;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the invitation mail. With mail switched off it logs that a mail was due, without the address or the token:
 * the log must not become a way into an account. A switched-on mail without an SMTP server, a sender or a public URL
 * fails at start-up, not at the first invitation.
 */
@Component
@EnableConfigurationProperties(MailProperties.class)
class InvitationMailer {

    private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final MailProperties properties;
    private final @Nullable JavaMailSender sender;

    InvitationMailer(MailProperties properties, ObjectProvider<JavaMailSender> sender) {
        this.properties = properties;
        this.sender = properties.enabled() ? sender.getIfAvailable() : null;
        if (properties.enabled()) {
            if (this.sender == null) {
                throw new IllegalStateException("billfold.mail.enabled is true but no SMTP server is configured: set "
                        + "spring.mail.host (SPRING_MAIL_HOST) and, if needed, spring.mail.port/username/password.");
            }
            if (properties.publicUrl().isBlank() || !properties.publicUrl().startsWith("http")) {
                throw new IllegalStateException("billfold.mail.public-url (BILLFOLD_PUBLIC_URL) must be the portal's "
                        + "address, e.g. https://billing.example.com: invitation mails link to it.");
            }
            try {
                new InternetAddress(properties.from(), true);
            } catch (AddressException e) {
                throw new IllegalStateException("billfold.mail.from (BILLFOLD_MAIL_FROM) must be a sender address", e);
            }
        }
    }

    /** The path that accepts an invitation; the view and the mail must agree on it. */
    static String path(String token) {
        return "/" + MemberService.INVITATION_ROUTE + "/" + token;
    }

    void send(Invitation invitation, String token, String accountName, String inviterName) {
        String link = properties.publicUrl() + path(token);
        if (sender == null) {
            log.info("Mail is switched off (billfold.mail.enabled=false): invitation {} was not mailed",
                    invitation.id().value());
            return;
        }
        var mail = new SimpleMailMessage();
        mail.setFrom(properties.from());
        mail.setTo(invitation.email());
        mail.setSubject("You are invited to %s on Billfold".formatted(accountName));
        mail.setText("""
                Hello,

                %s invited you to the billing account "%s" as %s.

                To join, open this link and sign in with this e-mail address (%s), verified by your
                sign-in provider. The link works for nobody else:
                %s

                The link works once and until %s. If you did not expect this, ignore this mail.
                """.formatted(inviterName, accountName, invitation.role().label(), invitation.email(), link,
                        DAY.format(invitation.expiresAt())));
        sender.send(mail);
        log.info("Invitation {} mailed", invitation.id().value());
    }

}
