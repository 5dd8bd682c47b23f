package dev.billfold.notification;

import dev.billfold.language.Translations;
import dev.billfold.payment.InvoiceProperties;
import dev.billfold.payment.PaymentDocument;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Puts one mail with its PDF on the SMTP server. Its Message-ID is the mail log's id, the same on every attempt, so
 * a mail that a crash made us send twice is recognisably one message to the receiving side. With mail switched off
 * (the embedded default) it only logs that a mail was due, without the address.
 */
@Component
class DocumentMailer {

    private static final Logger log = LoggerFactory.getLogger(DocumentMailer.class);

    private final CustomerMailProperties properties;
    private final InvoiceProperties issuer;
    private final Translations translations;
    private final @Nullable JavaMailSender sender;

    DocumentMailer(CustomerMailProperties properties, InvoiceProperties issuer, Translations translations,
                   ObjectProvider<JavaMailSender> sender) {
        this.translations = translations;
        this.properties = properties;
        this.issuer = issuer;
        // InvitationMailer already stops the start when mail is on without an SMTP server.
        this.sender = properties.enabled() ? sender.getIfAvailable() : null;
    }

    /**
     * True when the mail went to the SMTP server, false when mail is switched off and it was only logged. The PDF is
     * made only for a mail that goes out: with mail off, a statement import's receipts cost no rendering.
     */
    boolean send(MailLogStore.Claim mail, Supplier<PaymentDocument> attachment) {
        if (sender == null) {
            log.debug("Mail is switched off (billfold.mail.enabled=false): {} mail {} was not sent", mail.kind(),
                    mail.id().value());
            return false;
        }
        PaymentDocument document = attachment.get();
        MimeMessage message = new FixedIdMessage(sender.createMimeMessage(), messageId(mail));
        try {
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            helper.setText(body(mail));
            helper.addAttachment(document.fileName(), new ByteArrayResource(document.pdf()),
                    PaymentDocument.CONTENT_TYPE);
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
        log.info("{} mail {} sent", mail.kind(), mail.id().value());
        return true;
    }

    private String messageId(MailLogStore.Claim mail) {
        String from = properties.from();
        String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replace(">", "") : "billfold";
        return "<mail-" + mail.id().value() + "@" + domain + ">";
    }

    private String body(MailLogStore.Claim mail) {
        String link = properties.publicUrl() + "/history?payment=" + mail.paymentId().value();
        String key = switch (mail.kind()) {
            case INVOICE, INVOICE_AGAIN -> "mail.invoice.body";
            case RECEIPT -> "mail.receipt.body";
            case REFUND_RECEIPT -> "mail.refund.body";
        };
        return translations.translate(mail.language(), key, link, issuer.recipientName());
    }

    /** Keeps the Message-ID we set: JavaMail would make a new one on every save. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(MimeMessage template, String id) {
            super(template.getSession() == null ? Session.getInstance(new Properties()) : template.getSession());
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
