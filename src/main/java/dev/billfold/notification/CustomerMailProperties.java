package dev.billfold.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The same {@code billfold.mail.*} the invitations use: on or off, the sender, and the portal's address for links.
 * Read here too, since the account feature keeps its binding to itself.
 */
@ConfigurationProperties("billfold.mail")
record CustomerMailProperties(boolean enabled, String from, String publicUrl) {

    CustomerMailProperties {
        from = from == null ? "" : from.trim();
        publicUrl = publicUrl == null ? "" : publicUrl.trim().replaceAll("/+$", "");
    }
}
