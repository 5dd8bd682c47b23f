package dev.billfold.notification;

import dev.billfold.language.Language;
import dev.billfold.language.LanguageService;
import dev.billfold.payment.PaymentId;
import dev.billfold.security.UserId;
import dev.billfold.staff.StaffAccess;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which language a mail to a payer is written in, decided when it is recorded (DD-101): a resend in the language of
 * the member who asked for it. A mail a cause sends by itself is in the language of the payment's first mail, so a
 * receipt that a statement import or a webhook causes reads like its invoice; the first mail is in that of the
 * customer whose action caused it (the member who asked for an invoice at top-up, who came back from the checkout).
 * A staff member's own language never reaches a customer; without any of these, English.
 */
@Component
class MailLanguage {

    private final LanguageService languages;
    private final StaffAccess staff;
    private final MailLogStore store;

    MailLanguage(LanguageService languages, StaffAccess staff, MailLogStore store) {
        this.languages = languages;
        this.staff = staff;
        this.store = store;
    }

    Language forRequester(UserId requestedBy) {
        return languages.forMailTo(requestedBy);
    }

    Language forCause(PaymentId paymentId) {
        return store.languageOfFirstMail(paymentId)
                .or(() -> staff.isStaff() ? Optional.empty() : languages.mine())
                .orElse(Language.EN);
    }
}
