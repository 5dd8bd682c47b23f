package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.AtOnce;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.PaymentNotifications;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The top-up flows and their money invariants, through the services as the UI calls them. Runs once on H2 and once
 * on PostgreSQL (see the two subclasses).
 */
abstract class TopUpServiceContract {

    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentHistoryQuery history;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    PaymentSettlement settlement;
    @Autowired
    PaymentRepository paymentRepository;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    PaymentNotifications notifications;
    @Autowired
    TestData data;

    DemoCustomer demoCustomer;
    @SignedIn
    Customer customer;

    @BeforeEach
    void demoCustomer() {
        demoCustomer = new DemoCustomer(gateways);
    }

    // --- flows ---

    @Test
    void checkout_paid_at_the_provider_is_credited_on_return_and_raises_the_balance() {
        var redirect = startCheckout("150.00", false);
        assertThat(redirect.url()).startsWith("/demo-gateway/checkout/cs_demo_");
        assertThat(statusOf(redirect.paymentId())).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);

        demoCustomer.pay(checkoutId(redirect));
        PaymentDetails details = payments.confirmReturn(redirect.paymentId());

        assertThat(details.status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("150.00");
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(details.providerReference()).isEqualTo(checkoutId(redirect));
    }

    @Test
    void checkout_with_save_requested_stores_a_confirmed_default_method_for_the_payer() {
        var redirect = startCheckout("20.00", true);
        demoCustomer.pay(checkoutId(redirect));
        payments.confirmReturn(redirect.paymentId());

        List<MethodOption> options = topUps.methodsFor(customer.person());
        MethodOption saved = options.getFirst();
        assertThat(saved.choice()).isInstanceOf(MethodChoice.Saved.class);
        assertThat(saved.label()).startsWith("Visa •••• 4242");
        assertThat(saved.preselected()).isTrue();
        assertThat(data.methods(customer.company())).isZero();
    }

    @Test
    void declined_checkout_is_rejected_with_the_reason_and_credits_nothing() {
        var redirect = startCheckout("75.00", false);
        demoCustomer.payWithDecliningCard(checkoutId(redirect));

        PaymentDetails details = payments.confirmReturn(redirect.paymentId());

        assertThat(details.status()).isEqualTo(PaymentStatus.REJECTED);
        assertThat(details.statusReason()).isEqualTo("Your card was declined.");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void cancelled_checkout_is_rejected_and_a_pending_one_stays_waiting() {
        var cancelled = startCheckout("10.00", false);
        demoCustomer.cancel(checkoutId(cancelled));
        assertThat(payments.confirmReturn(cancelled.paymentId()).status()).isEqualTo(PaymentStatus.REJECTED);

        var pending = startCheckout("11.00", false);
        demoCustomer.leavePending(checkoutId(pending));
        PaymentDetails details = payments.confirmReturn(pending.paymentId());
        assertThat(details.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(details.statusReason()).contains("still processing");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void saved_method_is_charged_at_once_and_credited() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);

        TopUpOutcome outcome = topUps.topUp(request(customer.person(), "500", new MethodChoice.Saved(card)));

        var completed = (TopUpOutcome.Completed) outcome;
        assertThat(completed.status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("500.00");
        assertThat(history.details(completed.paymentId()).providerReference()).startsWith("ch_demo_");
        // Recorded with the payment exactly as sent, so that a lost answer can be asked for with this request (DD-036).
        assertThat(jdbc.sql("""
                        select c.method_token from payment_charge c join demo_charge d on d.card_token = c.method_token
                        where c.payment_id = ? and c.payer_ref = ? and c.description like 'Balance top-up, account %'""")
                .params(completed.paymentId().value(), customer.person().value().toString())
                .query(String.class).list()).hasSize(1);
    }

    @Test
    void saved_method_declined_by_the_bank_is_rejected_with_the_reason() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "9995", true);

        var completed = (TopUpOutcome.Completed) topUps.topUp(request(customer.person(), "40", new MethodChoice.Saved(card)));

        assertThat(completed.status()).isEqualTo(PaymentStatus.REJECTED);
        assertThat(completed.message()).contains("insufficient funds");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void saved_method_that_needs_authentication_stays_waiting() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "3184", true);

        var completed = (TopUpOutcome.Completed) topUps.topUp(request(customer.person(), "40", new MethodChoice.Saved(card)));

        assertThat(completed.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(completed.message()).contains("confirm this payment");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void a_charge_waiting_for_the_bank_is_confirmed_by_the_customer_on_session_and_credited_once() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "3184", true);
        var completed = (TopUpOutcome.Completed) topUps.topUp(request(customer.person(), "40", new MethodChoice.Saved(card)));
        assertThat(history.details(completed.paymentId()).canConfirmWithBank()).isTrue();
        String chargeId = history.details(completed.paymentId()).providerReference();

        var bank = (BankConfirmation.GoToBank) payments.confirmWithBank(completed.paymentId());

        assertThat(bank.url()).isEqualTo("/demo-gateway/authenticate/" + chargeId);
        assertThat(statusOf(completed.paymentId())).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        // Back without confirming: still waiting, and the same bank page is offered again.
        assertThat(payments.confirmReturn(completed.paymentId()).canConfirmWithBank()).isTrue();
        assertThat(((BankConfirmation.GoToBank) payments.confirmWithBank(completed.paymentId())).url()).isEqualTo(bank.url());

        demoCustomer.authenticate(chargeId);
        PaymentDetails back = payments.confirmReturn(completed.paymentId());

        assertThat(back.status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(back.canConfirmWithBank()).isFalse();
        assertThat(payments.confirmReturn(completed.paymentId()).status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("40.00");
        assertThatThrownBy(() -> payments.confirmWithBank(completed.paymentId()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("This payment does not need a confirmation with your bank.");
    }

    @Test
    void a_failed_bank_confirmation_rejects_the_charge_with_nothing_credited() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "3184", true);
        var completed = (TopUpOutcome.Completed) topUps.topUp(request(customer.person(), "40", new MethodChoice.Saved(card)));
        payments.confirmWithBank(completed.paymentId());

        demoCustomer.failAuthentication(history.details(completed.paymentId()).providerReference());
        PaymentDetails back = payments.confirmReturn(completed.paymentId());

        assertThat(back.status()).isEqualTo(PaymentStatus.REJECTED);
        assertThat(back.statusReason()).isEqualTo("Your bank did not confirm the payment. Nothing was charged.");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void confirming_with_the_bank_is_refused_for_a_viewer_another_account_or_a_payment_that_needs_no_confirmation() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "3184", true);
        var waiting = (TopUpOutcome.Completed) topUps.topUp(request(customer.person(), "40", new MethodChoice.Saved(card)));
        var checkout = startCheckout("25.00", false);
        PaymentMethodId okCard = data.savedCard(customer, customer.person(), "4242", false);
        var credited = (TopUpOutcome.Completed) topUps.topUp(request(customer.person(), "10", new MethodChoice.Saved(okCard)));

        for (PaymentId noNeed : List.of(checkout.paymentId(), credited.paymentId())) {
            assertThatThrownBy(() -> payments.confirmWithBank(noNeed)).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("This payment does not need a confirmation with your bank.");
        }
        TestData.signIn(data.addMember(customer.accountId(), "VIEWER"));
        assertThat(history.details(waiting.paymentId()).canConfirmWithBank()).isFalse();
        assertThatThrownBy(() -> payments.confirmWithBank(waiting.paymentId())).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Only owners and billing members can confirm payments. Ask an owner to confirm it.");
        TestData.signIn(data.newCustomer("USD").username());
        assertThatThrownBy(() -> payments.confirmWithBank(waiting.paymentId())).isInstanceOf(InvalidRequestException.class)
                .hasMessage("We could not find that payment.");
        assertThatThrownBy(() -> payments.confirmWithBank(new PaymentId(UUID.randomUUID())))
                .isInstanceOf(InvalidRequestException.class).hasMessage("We could not find that payment.");

        TestData.signIn(customer.username());
        assertThat(statusOf(waiting.paymentId())).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(history.details(waiting.paymentId()).canConfirmWithBank()).isTrue();
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
    }

    @Test
    void invoice_is_issued_with_number_recipient_payer_and_purpose() {
        var completed = (TopUpOutcome.Completed) topUps.topUp(request(customer.company(), "1200.50", new MethodChoice.Invoice()));

        PaymentDetails details = history.details(completed.paymentId());
        assertThat(details.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        Invoice invoice = details.invoice();
        assertThat(invoice).isNotNull();
        assertThat(invoice.number()).matches("INV-\\d{4}-\\d{6}");
        assertThat(invoice.recipientName()).isEqualTo("Billfold Demo Hosting Inc.");
        assertThat(invoice.recipientBankDetails()).contains("SWIFT");
        assertThat(invoice.payerName()).isEqualTo("Pat Company Ltd");
        assertThat(invoice.payerTaxId()).isEqualTo("VAT-123");
        assertThat(invoice.purpose()).contains(invoice.number()).contains("$1,200.50");
        String accountNumber = jdbc.sql("select account_number from account where id = ?")
                .param(customer.accountId().value()).query(String.class).single();
        assertThat(invoice.purpose()).as("named as the providers ask (DD-059)")
                .startsWith("Payment for Account %s, under personal account number %s."
                        .formatted(customer.username(), accountNumber));
        assertThat(invoice.dueAt()).isAfter(invoice.issuedAt());
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void a_repeated_submit_with_the_same_request_key_returns_the_first_payment() {
        String key = UUID.randomUUID().toString();
        var first = topUps.topUp(new TopUpRequest(customer.person(), "30", new MethodChoice.Invoice(), false, key));
        var second = topUps.topUp(new TopUpRequest(customer.person(), "30", new MethodChoice.Invoice(), false, key));

        assertThat(second.paymentId()).isEqualTo(first.paymentId());
        assertThat(data.payments(customer.accountId())).isEqualTo(1);
    }

    @Test
    void switching_the_payer_switches_the_methods_and_the_preselected_default() {
        PaymentMethodId personCard = data.savedCard(customer, customer.person(), "4242", true);
        PaymentMethodId companyCard = data.savedCard(customer, customer.company(), "4444", true);

        List<MethodOption> person = topUps.methodsFor(customer.person());
        List<MethodOption> company = topUps.methodsFor(customer.company());

        assertThat(person.getFirst().choice()).isEqualTo(new MethodChoice.Saved(personCard));
        assertThat(company.getFirst().choice()).isEqualTo(new MethodChoice.Saved(companyCard));
        assertThat(person).filteredOn(MethodOption::preselected).hasSize(1).first()
                .extracting(MethodOption::choice).isEqualTo(new MethodChoice.Saved(personCard));
        assertThat(company).extracting(MethodOption::label).contains("Invoice (bank transfer)", "Card (demo checkout)")
                .doesNotContain(person.getFirst().label());
    }

    // --- exactly one credit ---

    @Test
    void the_return_redirect_twice_credits_once() {
        var redirect = startCheckout("99.99", false);
        demoCustomer.pay(checkoutId(redirect));

        payments.confirmReturn(redirect.paymentId());
        payments.confirmReturn(redirect.paymentId());

        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("99.99");
    }

    @Test
    void the_return_and_a_poll_at_the_same_time_credit_once() throws Exception {
        var redirect = startCheckout("42.00", false);
        demoCustomer.pay(checkoutId(redirect));
        GatewayResult polled = gateways.require("demo").checkoutResult(checkoutId(redirect));

        runAllAtOnce(2, i -> {
            if (i == 0) {
                payments.confirmReturn(redirect.paymentId());
            } else {
                settlement.apply(redirect.paymentId(), polled);
            }
        });

        assertThat(statusOf(redirect.paymentId())).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("42.00");
    }

    @Test
    void fifty_concurrent_confirmations_of_one_payment_credit_exactly_once() throws Exception {
        var redirect = startCheckout("250.00", false);
        demoCustomer.pay(checkoutId(redirect));

        List<PaymentStatus> seen = runConcurrently(50, i -> payments.confirmReturn(redirect.paymentId()).status());

        assertThat(seen).hasSize(50).containsOnly(PaymentStatus.CREDITED);
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("250.00");
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void a_webhook_delivered_twice_after_the_return_credits_once() {
        var redirect = startCheckout("75.00", false);
        demoCustomer.pay(checkoutId(redirect));
        GatewayResult paid = gateways.require("demo").checkoutResult(checkoutId(redirect));

        assertThat(notifications.byProviderReference("demo", checkoutId(redirect), paid))
                .isEqualTo(PaymentNotifications.Outcome.APPLIED);
        payments.confirmReturn(redirect.paymentId());
        assertThat(notifications.byProviderReference("demo", checkoutId(redirect), paid))
                .isEqualTo(PaymentNotifications.Outcome.ALREADY_SETTLED);
        assertThat(notifications.byIdempotencyKey("demo", keyOf(redirect.paymentId()), paid))
                .isEqualTo(PaymentNotifications.Outcome.ALREADY_SETTLED);

        assertThat(statusOf(redirect.paymentId())).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("75.00");
    }

    @Test
    void a_notification_from_another_provider_or_for_an_unknown_reference_changes_nothing() {
        var redirect = startCheckout("75.00", false);
        GatewayResult forged = GatewayResult.succeeded(checkoutId(redirect), Money.of("75.00", "USD"), null);

        assertThat(notifications.byProviderReference("stripe", checkoutId(redirect), forged))
                .isEqualTo(PaymentNotifications.Outcome.UNKNOWN_PAYMENT);
        assertThat(notifications.byIdempotencyKey("stripe", keyOf(redirect.paymentId()), forged))
                .isEqualTo(PaymentNotifications.Outcome.UNKNOWN_PAYMENT);
        assertThat(notifications.byProviderReference("demo", "cs_demo_not_ours", forged))
                .isEqualTo(PaymentNotifications.Outcome.UNKNOWN_PAYMENT);

        assertThat(statusOf(redirect.paymentId())).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void a_different_amount_reported_by_the_provider_is_held_for_clarification_and_not_credited() {
        var redirect = startCheckout("100.00", false);

        Payment held = settlement.apply(redirect.paymentId(),
                GatewayResult.succeeded(checkoutId(redirect), Money.of("1.00", "USD"), null));

        assertThat(held.status()).isEqualTo(PaymentStatus.WAITING_FOR_CLARIFICATION);
        assertThat(held.statusReason()).contains("$1.00").contains("$100.00");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    // --- bad input changes nothing and explains itself ---

    @Test
    void amounts_outside_the_limits_or_malformed_are_rejected_with_a_message_and_create_nothing() {
        assertRejected("0.49", "The minimum top-up is $0.50. Enter between $0.50 and $15,000.00.");
        assertRejected("15000.01", "The maximum top-up is $15,000.00 per payment. Enter between $0.50 and $15,000.00.");
        assertRejected("10.001", "USD amounts have at most 2 decimal places.");
        assertRejected("-5", "The amount must be more than zero. Enter between $0.50 and $15,000.00.");
        assertRejected("0", "The amount must be more than zero. Enter between $0.50 and $15,000.00.");
        assertRejected("", "Enter an amount. Enter between $0.50 and $15,000.00.");
        assertRejected("ten dollars", "Enter the amount as a number, for example 0.50.");
        assertRejected("1e3", "Enter the amount as a number, for example 0.50.");
    }

    @Test
    void the_limits_are_inclusive_and_grouped_amounts_are_read() {
        topUps.topUp(request(customer.person(), "0.50", new MethodChoice.Invoice()));
        topUps.topUp(request(customer.person(), "15,000.00", new MethodChoice.Invoice()));
        assertThat(data.payments(customer.accountId())).isEqualTo(2);
    }

    @Test
    void kzt_allows_five_payments_a_day_and_refuses_the_sixth() {
        Customer kzt = data.newCustomer("KZT");
        TestData.signIn(kzt.username());
        for (int i = 0; i < 5; i++) {
            topUps.topUp(request(kzt.person(), "200000", new MethodChoice.Invoice()));
        }
        assertThatThrownBy(() -> topUps.topUp(request(kzt.person(), "500", new MethodChoice.Invoice())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("At most 5 top-ups a day are allowed, and you have made 5 today. Try again tomorrow.");
        assertThat(data.payments(kzt.accountId())).isEqualTo(5);
    }

    @Test
    void kzt_limits_per_payment() {
        Customer kzt = data.newCustomer("KZT");
        TestData.signIn(kzt.username());
        assertThatThrownBy(() -> topUps.topUp(request(kzt.person(), "499.99", new MethodChoice.Invoice())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("The minimum top-up is KZT 500.00. Enter between KZT 500.00 and KZT 200,000.00.");
        assertThatThrownBy(() -> topUps.topUp(request(kzt.person(), "200000.01", new MethodChoice.Invoice())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("The maximum top-up is KZT 200,000.00 per payment. Enter between KZT 500.00 and KZT 200,000.00.");
        assertThat(data.payments(kzt.accountId())).isZero();
    }

    @Test
    void rejected_payments_do_not_use_up_the_daily_count() {
        Customer kzt = data.newCustomer("KZT");
        TestData.signIn(kzt.username());
        for (int i = 0; i < 5; i++) {
            var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(request(kzt.person(), "1000", new MethodChoice.Checkout("demo")));
            demoCustomer.cancel(checkoutId(redirect));
            payments.confirmReturn(redirect.paymentId());
        }
        topUps.topUp(request(kzt.person(), "1000", new MethodChoice.Invoice()));
        assertThat(data.payments(kzt.accountId())).isEqualTo(6);
    }

    @Test
    void a_method_of_another_payer_is_refused_and_creates_nothing() {
        PaymentMethodId companyCard = data.savedCard(customer, customer.company(), "4242", true);

        assertThatThrownBy(() -> topUps.topUp(request(customer.person(), "10", new MethodChoice.Saved(companyCard))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("That payment method does not belong to the selected payer.");
        assertNothingCreated(customer);
    }

    @Test
    void another_accounts_payer_or_method_is_refused_and_creates_nothing() {
        Customer stranger = data.newCustomer("USD");
        PaymentMethodId strangersCard = data.savedCard(stranger, stranger.person(), "4242", true);

        assertThatThrownBy(() -> topUps.topUp(request(stranger.person(), "10", new MethodChoice.Invoice())))
                .isInstanceOf(InvalidRequestException.class).hasMessage("That payer is not part of your account.");
        assertThatThrownBy(() -> topUps.topUp(request(customer.person(), "10", new MethodChoice.Saved(strangersCard))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("That payment method does not belong to the selected payer.");
        assertThatThrownBy(() -> topUps.methodsFor(stranger.person())).isInstanceOf(InvalidRequestException.class);
        assertNothingCreated(customer);
        assertNothingCreated(stranger);
    }

    @Test
    void an_unknown_provider_or_a_malformed_request_key_is_refused() {
        assertThatThrownBy(() -> topUps.topUp(request(customer.person(), "10", new MethodChoice.Checkout("evilpay"))))
                .isInstanceOf(InvalidRequestException.class).hasMessage("That payment provider is not available.");
        assertThatThrownBy(() -> topUps.topUp(new TopUpRequest(customer.person(), "10", new MethodChoice.Invoice(), false, "x")))
                .isInstanceOf(InvalidRequestException.class);
        assertNothingCreated(customer);
    }

    @Test
    void a_viewer_cannot_top_up() {
        String viewer = data.addMember(customer.accountId(), "VIEWER");
        TestData.signIn(viewer);

        assertThatThrownBy(() -> topUps.topUp(request(customer.person(), "10", new MethodChoice.Invoice())))
                .isInstanceOf(InvalidRequestException.class);
        assertNothingCreated(customer);
    }

    @Test
    void a_forged_return_for_an_unknown_payment_is_refused() {
        assertThatThrownBy(() -> payments.confirmReturn(new PaymentId(UUID.randomUUID())))
                .isInstanceOf(InvalidRequestException.class).hasMessage("We could not find that payment.");
    }

    @Test
    void a_return_for_someone_elses_payment_is_refused_and_changes_nothing() {
        var redirect = startCheckout("60.00", false);
        demoCustomer.pay(checkoutId(redirect));
        Customer stranger = data.newCustomer("USD");
        TestData.signIn(stranger.username());

        assertThatThrownBy(() -> payments.confirmReturn(redirect.paymentId()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("We could not find that payment.");

        assertThat(statusOf(redirect.paymentId())).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        assertThat(data.ledgerEntries(stranger.accountId())).isZero();
    }

    @Test
    void a_return_before_paying_or_after_settlement_changes_nothing() {
        var redirect = startCheckout("60.00", false);
        assertThat(payments.confirmReturn(redirect.paymentId()).status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();

        demoCustomer.decline(checkoutId(redirect));
        assertThat(payments.confirmReturn(redirect.paymentId()).status()).isEqualTo(PaymentStatus.REJECTED);
        // A late "success" for a settled payment is ignored: rejected stays rejected.
        settlement.apply(redirect.paymentId(), GatewayResult.succeeded(checkoutId(redirect), Money.of("60.00", "USD"), null));
        assertThat(statusOf(redirect.paymentId())).isEqualTo(PaymentStatus.REJECTED);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    // --- helpers ---

    private TopUpOutcome.RedirectToProvider startCheckout(String amount, boolean save) {
        return (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), amount,
                new MethodChoice.Checkout("demo"), save, UUID.randomUUID().toString()));
    }

    private String checkoutId(TopUpOutcome.RedirectToProvider redirect) {
        return paymentRepository.findById(redirect.paymentId()).orElseThrow().providerReference();
    }

    private String keyOf(PaymentId id) {
        return paymentRepository.findById(id).orElseThrow().idempotencyKey();
    }

    private PaymentStatus statusOf(PaymentId id) {
        return paymentRepository.findById(id).orElseThrow().status();
    }

    private static TopUpRequest request(dev.billfold.account.PayerId payer, String amount, MethodChoice method) {
        return new TopUpRequest(payer, amount, method, false, UUID.randomUUID().toString());
    }

    private void assertRejected(String amount, String message) {
        int before = data.payments(customer.accountId());
        assertThatThrownBy(() -> topUps.topUp(request(customer.person(), amount, new MethodChoice.Checkout("demo"))))
                .as("amount %s", amount)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(message)
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("amount");
        assertThat(data.payments(customer.accountId())).isEqualTo(before);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    private void assertNothingCreated(Customer who) {
        assertThat(data.payments(who.accountId())).isZero();
        assertThat(data.ledgerEntries(who.accountId())).isZero();
        assertThat(data.balance(who.accountId())).isEqualByComparingTo(BigDecimal.ZERO);
    }

    interface Task<T> extends AtOnce.Task<T> {
    }

    interface VoidTask {
        void run(int index) throws Exception;
    }

    private void runAllAtOnce(int threads, VoidTask task) throws Exception {
        runConcurrently(threads, (Task<Object>) i -> {
            task.run(i);
            return i;
        });
    }

    /** Starts all tasks at the same instant, each signed in as the current customer. */
    private <T> List<T> runConcurrently(int threads, Task<T> task) throws Exception {
        return AtOnce.signedIn(customer.username(), threads, task);
    }
}
