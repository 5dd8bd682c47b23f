package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.MutableClock;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.ProviderDispute;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundNotifications;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A top-up paid in another currency at a confirmed quote (DD-096), with the demo's fixed rates (1 USD = 470 KZT =
 * 12,750 UZS, 1.5 % spread; 10,000.00 KZT costs 275,345.75 UZS): the provider is charged the quote's pay amount, the
 * ledger credits the quote's account amount once, whenever the provider completes it; an expired or used quote is
 * refused with nothing created; money going back is converted at the locked price.
 */
abstract class QuotedTopUpContract {

    static final Currency UZS = Currency.getInstance("UZS");
    static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    static final Money TEN_THOUSAND_KZT = Money.of("10000.00", "KZT");
    static final Money ITS_PRICE = Money.of("275345.75", "UZS");

    @Autowired
    TopUpService topUps;
    @Autowired
    QuoteService quotes;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentRepository repository;
    @Autowired
    PaymentHistoryQuery history;
    @Autowired
    PaymentDocuments documents;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    RefundNotifications news;
    @Autowired
    Ledger ledger;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Customer customer;
    DemoCustomer demoCustomer;

    @BeforeEach
    void kazakhAccount() {
        clock.set(NOW);
        customer = data.newCustomer("KZT", "OWNER", "KZ");
        demoCustomer = new DemoCustomer(gateways);
        TestData.signIn(customer.username());
    }

    @AfterEach
    void theLedgerHolds() {
        TestData.signOut();
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).as("balance = sum of entries").isTrue();
        assertThat(LedgerChecks.causesPostedTwice(jdbc, customer.accountId())).as("one entry per cause").isZero();
    }

    @Test
    void the_checkout_is_charged_the_quoted_uzs_and_the_quoted_kzt_is_credited_once() {
        Quote quote = tenThousandKzt();

        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(atQuote(quote, checkout()));

        assertThat(demoCheckoutAmount(redirect.paymentId())).isEqualTo(ITS_PRICE);
        demoCustomer.pay(checkoutId(redirect.paymentId()));
        assertThat(payments.confirmReturn(redirect.paymentId()).status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(payments.confirmReturn(redirect.paymentId()).status()).as("the return again")
                .isEqualTo(PaymentStatus.CREDITED);

        Payment paid = repository.findById(redirect.paymentId()).orElseThrow();
        assertThat(paid.amount()).isEqualTo(TEN_THOUSAND_KZT);
        assertThat(paid.credited()).isEqualTo(TEN_THOUSAND_KZT);
        assertThat(paid.pay()).isEqualTo(ITS_PRICE);
        assertThat(paid.quoteId()).isEqualTo(quote.id());
        assertThat(paid.exchangeRate()).isEqualByComparingTo("0.036317975466");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("10000.00");
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
    }

    @Test
    void the_payments_detail_and_its_receipt_show_both_currencies_and_the_rate() throws Exception {
        PaymentId paid = paidAtQuote();

        PaidInOtherCurrency paidIn = history.details(paid).paidIn();
        assertThat(paidIn).isNotNull();
        assertThat(paidIn.describe()).startsWith(ITS_PRICE.format() + " at 1 UZS = 0.0363180 KZT (fixed rate of ")
                .endsWith(", 1.5 % spread included)");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(documents.receipt(paid).pdf())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Amount credited " + TEN_THOUSAND_KZT.format() + " (KZT)",
                    "Amount paid " + ITS_PRICE.format() + " at 1 UZS = 0.0363180 KZT");
        }
    }

    @Test
    void a_checkout_the_provider_completes_after_the_quote_expired_is_credited_at_the_locked_rate() {
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(atQuote(tenThousandKzt(), checkout()));

        clock.set(NOW.plus(Duration.ofHours(2)));
        demoCustomer.pay(checkoutId(redirect.paymentId()));

        assertThat(payments.confirmReturn(redirect.paymentId()).status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("10000.00");
    }

    @Test
    void a_saved_card_is_charged_the_quoted_uzs_off_session() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        Quote quote = tenThousandKzt();

        var done = (TopUpOutcome.Completed) topUps.topUp(atQuote(quote, new MethodChoice.Saved(card)));

        assertThat(done.status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(done.message()).isEqualTo(TEN_THOUSAND_KZT.format() + " was added to your balance.");
        assertThat(jdbc.sql("select amount_value, amount_currency from demo_charge where idempotency_key = ?")
                .param(repository.findById(done.paymentId()).orElseThrow().idempotencyKey())
                .query((rs, n) -> Money.of(rs.getBigDecimal(1), Currency.getInstance(rs.getString(2).strip())))
                .single()).isEqualTo(ITS_PRICE);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("10000.00");
    }

    @Test
    void an_expired_quote_is_refused_with_nothing_created_and_the_new_quote_is_confirmed_again() {
        Quote old = tenThousandKzt();
        clock.set(old.expiresAt());

        assertThatThrownBy(() -> topUps.topUp(atQuote(old, checkout())))
                .isInstanceOf(QuoteExpiredException.class)
                .hasMessageContaining("has expired").hasMessageContaining("confirm again");
        assertThat(paymentsOfAccount()).isZero();

        Quote fresh = tenThousandKzt();
        assertThat(topUps.topUp(atQuote(fresh, checkout()))).isInstanceOf(TopUpOutcome.RedirectToProvider.class);
        assertThat(paymentsOfAccount()).isOne();
    }

    @Test
    void a_quote_pays_for_one_payment_and_a_repeated_submit_gets_that_payment() {
        Quote quote = tenThousandKzt();
        TopUpRequest first = atQuote(quote, checkout());
        var started = (TopUpOutcome.RedirectToProvider) topUps.topUp(first);

        assertThat(((TopUpOutcome.RedirectToProvider) topUps.topUp(first)).paymentId())
                .isEqualTo(started.paymentId());
        assertThatThrownBy(() -> topUps.topUp(atQuote(quote, checkout())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("already used");
        assertThat(paymentsOfAccount()).isOne();
    }

    @Test
    void another_accounts_quote_is_refused_as_unknown() {
        Quote theirs = tenThousandKzt();
        Customer other = data.newCustomer("KZT", "OWNER", "KZ");
        TestData.signIn(other.username());

        assertThatThrownBy(() -> topUps.topUp(new TopUpRequest(other.person(), "", checkout(), false,
                UUID.randomUUID().toString(), theirs.id())))
                .isInstanceOf(RuntimeException.class).hasMessageContaining("No such quote");
        assertThat(jdbc.sql("select count(*) from payment where account_id = ?").param(other.accountId().value())
                .query(Integer.class).single()).isZero();
        TestData.signIn(customer.username());
    }

    @Test
    void an_invoice_or_mobile_money_is_paid_in_the_accounts_currency_only() {
        Quote quote = tenThousandKzt();

        assertThatThrownBy(() -> topUps.topUp(atQuote(quote, new MethodChoice.Invoice())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("An invoice is paid in KZT only. Choose a card, or pay in KZT.");
        assertThat(topUps.methodsPayingIn(customer.company(), UZS)).extracting(MethodOption::choice)
                .doesNotHaveAnyElementsOfTypes(MethodChoice.Invoice.class, MethodChoice.Phone.class)
                .contains(checkout());
        assertThat(paymentsOfAccount()).isZero();
    }

    @Test
    void the_daily_count_is_checked_again_when_the_quote_is_confirmed_and_names_both_currencies() {
        List<Quote> six = java.util.stream.IntStream.range(0, 6).mapToObj(i -> tenThousandKzt()).toList();
        for (Quote quote : six.subList(0, 5)) {
            topUps.topUp(atQuote(quote, checkout()));
        }

        assertThatThrownBy(() -> topUps.topUp(atQuote(six.get(5), checkout())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith(ITS_PRICE.format() + " is " + TEN_THOUSAND_KZT.format() + ".");
        assertThat(paymentsOfAccount()).isEqualTo(5);
    }

    @Test
    void a_refund_made_at_the_provider_in_uzs_is_debited_in_kzt_at_the_locked_price() {
        PaymentId paid = paidAtQuote();
        String reference = repository.findById(paid).orElseThrow().providerReference();
        TestData.signOut();

        // A tenth of the charge: 27,534.575 UZS is 1,000.00 KZT, so 27,534.57 UZS is 999.99 KZT (rounded down).
        news.refund("demo", new ProviderRefund(null, reference, "re_part_" + UUID.randomUUID(),
                Money.of("27534.57", "UZS"), ProviderRefund.State.SUCCEEDED, null, null));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("9000.01");

        news.dispute("demo", new ProviderDispute(null, reference, "dp_" + UUID.randomUUID(),
                Money.of("247811.18", "UZS"), ProviderDispute.State.OPEN, "needs_response", "fraudulent"));
        // The rest of the charge: 247,811.18 UZS is 9,000.0002 KZT, rounded down to 9,000.00; the payer keeps 0.01.
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.01");
        assertThat(repository.findById(paid).orElseThrow().status()).isEqualTo(PaymentStatus.CREDITED);
    }

    @Test
    void a_full_refund_made_at_the_provider_returns_exactly_the_credit_and_refunds_the_payment() {
        PaymentId paid = paidAtQuote();
        String reference = repository.findById(paid).orElseThrow().providerReference();
        TestData.signOut();

        news.refund("demo", new ProviderRefund(null, reference, "re_full_" + UUID.randomUUID(), ITS_PRICE,
                ProviderRefund.State.SUCCEEDED, null, null));

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(repository.findById(paid).orElseThrow().status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void the_locked_price_converts_parts_down_both_ways_and_the_whole_exactly() {
        var price = new LockedPrice(TEN_THOUSAND_KZT, ITS_PRICE);

        assertThat(price.chargedShareOf(TEN_THOUSAND_KZT)).isEqualTo(ITS_PRICE);
        assertThat(price.topUpShareOf(ITS_PRICE)).isEqualTo(TEN_THOUSAND_KZT);
        assertThat(price.chargedShareOf(Money.of("1000.00", "KZT"))).isEqualTo(Money.of("27534.57", "UZS"));
        assertThat(price.topUpShareOf(Money.of("0.01", "UZS"))).isEqualTo(Money.of("0.00", "KZT"));
        assertThat(new LockedPrice(TEN_THOUSAND_KZT, null).chargedShareOf(Money.of("5.00", "KZT")))
                .isEqualTo(Money.of("5.00", "KZT"));
        assertThatThrownBy(() -> price.chargedShareOf(Money.of("1.00", "UZS")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- helpers ---

    private Quote tenThousandKzt() {
        Quote quote = quotes.quote(customer.accountId(), UZS, "10000", QuoteService.Typed.CREDITED_AMOUNT);
        assertThat(quote.pay()).isEqualTo(ITS_PRICE);
        return quote;
    }

    private PaymentId paidAtQuote() {
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(atQuote(tenThousandKzt(), checkout()));
        demoCustomer.pay(checkoutId(redirect.paymentId()));
        assertThat(payments.confirmReturn(redirect.paymentId()).status()).isEqualTo(PaymentStatus.CREDITED);
        return redirect.paymentId();
    }

    private TopUpRequest atQuote(Quote quote, MethodChoice method) {
        return new TopUpRequest(customer.person(), "", method, false, UUID.randomUUID().toString(), quote.id());
    }

    private static MethodChoice checkout() {
        return new MethodChoice.Checkout("demo");
    }

    private String checkoutId(PaymentId id) {
        return repository.findById(id).orElseThrow().providerReference();
    }

    private Money demoCheckoutAmount(PaymentId id) {
        return jdbc.sql("select amount_value, amount_currency from demo_checkout where id = ?").param(checkoutId(id))
                .query((rs, n) -> Money.of(rs.getBigDecimal(1), Currency.getInstance(rs.getString(2).strip())))
                .single();
    }

    private int paymentsOfAccount() {
        return jdbc.sql("select count(*) from payment where account_id = ?").param(customer.accountId().value())
                .query(Integer.class).single();
    }
}
