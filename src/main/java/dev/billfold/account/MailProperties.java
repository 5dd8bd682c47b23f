package dev.billfold.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outgoing mail. {@code enabled=false} (the embedded default) logs what would be sent instead, so the app starts
 * without an SMTP server; when enabled, the SMTP server comes from Spring Boot's {@code spring.mail.*}.
 *
 * @param enabled  send through SMTP; otherwise only log
 * @param from     the sender address of Billfold's mails
 * @param publicUrl where customers reach the portal, for links in mails (https://billing.example.com)
 */
@ConfigurationProperties("billfold.mail")
record MailProperties(boolean enabled, String from, String publicUrl) {

    MailProperties {
        from = from == null ? "" : from.trim();
        publicUrl = publicUrl == null ? "" : publicUrl.trim().replaceAll("/+$", "");
    }
}
