package dev.billfold.notification;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountContext;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.payment.PaymentDetails;
import dev.billfold.payment.PaymentHistoryQuery;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.ratelimit.RateDecision;
import dev.billfold.ratelimit.RateKey;
import dev.billfold.ratelimit.RateLimitExceededException;
import dev.billfold.ratelimit.RateLimiter;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** "Send the invoice by e-mail" on a waiting invoice: to the payer's invoice address or one the member types. */
@Service
public class InvoiceMails {

    static final String PER_USER = "invoice-mail-per-user";
    static final String PER_ACCOUNT = "invoice-mail-per-account";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final int MAX_EMAIL = 320;
    private static final Logger log = LoggerFactory.getLogger(InvoiceMails.class);

    private final AccountAccess access;
    private final PaymentHistoryQuery history;
    private final MailLogStore store;
    private final MailOutbox outbox;
    private final RateLimiter rateLimiter;
    private final TransactionTemplate transaction;

    InvoiceMails(AccountAccess access, PaymentHistoryQuery history, MailLogStore store, MailOutbox outbox,
                 RateLimiter rateLimiter, PlatformTransactionManager transactionManager) {
        this.access = access;
        this.history = history;
        this.store = store;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The payer's invoice address, when the current user may send this invoice again now; empty otherwise. */
    public @Nullable String resendAddress(PaymentId paymentId) {
        AccountContext context = access.requireOwner(store.accountOfPayment(paymentId).orElse(null), paymentId,
                AccountAccess.Action.VIEW, notFound());
        PaymentDetails payment = history.details(paymentId);
        if (!context.role().mayMoveMoney() || payment.invoice() == null
                || payment.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            return null;
        }
        return store.invoiceAddress(paymentId).orElse(null);
    }

    /**
     * Queues the invoice for {@code address}, or for the payer's invoice address when it is blank. Checked in this
     * order, and each refusal changes nothing: the member (Owner or Billing), the invoice is waiting, the address,
     * the rate limits. Returns the address it goes to.
     */
    public String sendAgain(PaymentId paymentId, @Nullable String address) {
        AccountContext context = access.requireOwner(store.accountOfPayment(paymentId).orElse(null), paymentId,
                AccountAccess.Action.MOVE_MONEY, notFound());
        PaymentDetails payment = history.details(paymentId);
        if (payment.invoice() == null) {
            throw InvalidRequestException.keyed(null, "errors.invoice.none");
        }
        if (payment.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            throw InvalidRequestException.keyed(null, "errors.invoice.not-waiting");
        }
        String recipient = address == null || address.isBlank()
                ? store.invoiceAddress(paymentId).orElseThrow(InvoiceMails::notFound) : checked(address);
        RateDecision decision = rateLimiter.tryAcquire(
                new RateKey(PER_USER, context.userId().value().toString()),
                new RateKey(PER_ACCOUNT, context.accountId().value().toString()));
        if (!decision.allowed()) {
            log.warn("Invoice mail refused by rate limit {}: user={} account={}", decision.refusedLimit(),
                    context.userId().value(), context.accountId().value());
            throw new RateLimitExceededException(
                    "Many invoices were sent by e-mail in a short time, so this one was not sent.", decision);
        }
        String number = payment.invoice().number();
        transaction.executeWithoutResult(status -> outbox.invoiceAgain(paymentId, number, recipient,
                context.userId(), UUID.randomUUID().toString()));
        return recipient;
    }

    private static String checked(String typed) {
        String email = typed.strip().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL) {
            throw InvalidRequestException.keyed("address", "errors.address.too-long", MAX_EMAIL);
        }
        try {
            new InternetAddress(email, true);
        } catch (AddressException e) {
            throw InvalidRequestException.keyed("address", "errors.address.invalid");
        }
        if (!EMAIL.matcher(email).matches()) {
            throw InvalidRequestException.keyed("address", "errors.address.invalid");
        }
        return email;
    }

    private static InvalidRequestException notFound() {
        return InvalidRequestException.keyed(null, "errors.payment.not-found");
    }
}
