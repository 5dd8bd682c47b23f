package dev.billfold.notification;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

/** One mail Billfold owes a customer: a row of the mail log. */
public record MailId(UUID value) implements TypedId {

    public MailId {
        Objects.requireNonNull(value);
    }

    public static MailId random() {
        return new MailId(UUID.randomUUID());
    }
}
