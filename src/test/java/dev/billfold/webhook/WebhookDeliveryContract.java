package dev.billfold.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.AtOnce;
import dev.billfold.MutableClock;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.AccountCreated;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.hosting.RenewalLine;
import dev.billfold.hosting.RenewalService;
import dev.billfold.hosting.ServiceChanged;
import dev.billfold.hosting.ServiceFixtures;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentRefunded;
import dev.billfold.payment.PaymentSettled;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.PaymentsSettled;
import dev.billfold.payment.QuoteService;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.paymentmethod.PaymentMethodChanged;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.paymentmethod.PaymentMethodService;
import dev.billfold.paymentmethod.PaymentMethodStatus;
import dev.billfold.polling.BackgroundWork;
import dev.billfold.staff.StaffRole;
import dev.billfold.webhook.WebhookReceiver.Received;
import dev.billfold.webhook.WebhookReceiver.Reply;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks out through the real outbox and a real receiver on loopback (allowed by the flag, as DD-076 says tests do),
 * on H2 and PostgreSQL (DD-075). Every request the receiver gets is checked with {@link StandardWebhooksVerifier},
 * written from the specification, not with our signer. Each test has an endpoint (and a receiver path) of its own;
 * the endpoints of earlier tests are switched off after them. Retries are driven by the test clock and
 * {@link WebhookDelivery#runDue}, so nothing depends on how fast anything runs.
 */
abstract class WebhookDeliveryContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) {
        registry.add("billfold.webhooks.allow-private-targets", () -> "true");
        // Short enough that the timeout test waits little; the lease stays above twice the timeout.
        registry.add("billfold.webhooks.timeout", () -> "PT1S");
        registry.add("billfold.webhooks.lease", () -> "PT1M");
    }

    @Autowired
    WebhookEndpoints webhooks;
    @Autowired
    WebhookDelivery delivery;
    @Autowired
    WebhookOutbox outbox;
    @Autowired
    DeliveryStore store;
    @Autowired
    EndpointStore endpointStore;
    @Autowired
    WebhookSender sender;
    @Autowired
    AuditTrail audit;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    WebhookProperties properties;
    @Autowired
    TopUpService topUps;
    @Autowired
    RenewalService renewals;
    @Autowired
    PaymentMethodService methods;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MutableClock clock;
    @Autowired
    QuoteService quotes;

    final WebhookReceiver receiver = WebhookReceiver.start();
    Customer customer;
    String admin;
    String path;

    @BeforeEach
    void aCustomerAndAnAdmin() {
        customer = data.newCustomer("USD");
        admin = data.newStaffUser();
        path = "/hooks/" + UUID.randomUUID();
        TestData.signIn(customer.username());
    }

    @AfterEach
    void switchEndpointsOff() {
        // What later tests do must not reach this test's endpoint (a provisioning of the tests, not a staff action).
        jdbc.sql("update webhook_endpoint set enabled = false").update();
        TestData.signOut();
        receiver.close();
    }

    // --- the events

    @Test
    void a_credited_top_up_reaches_the_receiver_once_as_payment_credited_signed_with_the_account_and_sequence() {
        NewSecret endpoint = endpoint(EventType.PAYMENT_CREDITED);
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);

        PaymentId payment = ((TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "75.00",
                new MethodChoice.Saved(card), false, UUID.randomUUID().toString()))).paymentId();

        Received request = receiver.await(path, 1).getFirst();
        StandardWebhooksVerifier.verify(endpoint.secret(), request, clock.instant());
        assertThat(request.header("content-type")).startsWith("application/json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("type").asString()).isEqualTo("payment.credited");
        assertThat(body.get("id").asString()).isEqualTo(request.header("webhook-id"));
        assertThat(body.get("account").asString()).isEqualTo(customer.accountId().value().toString());
        assertThat(body.get("sequence").asLong()).isEqualTo(1);
        assertThat(body.get("data").get("payment").asString()).isEqualTo(payment.value().toString());
        assertThat(body.get("data").get("amount").get("value").asString()).isEqualTo("75.00");
        assertThat(body.get("data").get("amount").get("currency").asString()).isEqualTo("USD");
        DeliveryLogRow row = settledOnlyDelivery(endpoint.endpointId());
        assertThat(row.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastStatus()).isEqualTo(204);
        assertThat(row.latencyMs()).isNotNull();
        assertThat(row.eventId().toString()).isEqualTo(request.header("webhook-id"));
        assertThat(receiver.at(path)).hasSize(1);
    }

    @Test
    void a_top_up_paid_in_another_currency_says_what_was_paid_and_what_was_credited() {
        customer = data.newCustomer("KZT", "OWNER", "KZ");
        TestData.signIn(customer.username());
        endpoint(EventType.PAYMENT_CREDITED);
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        var quote = quotes.quote(customer.accountId(), java.util.Currency.getInstance("UZS"), "10000",
                QuoteService.Typed.CREDITED_AMOUNT);

        topUps.topUp(new TopUpRequest(customer.person(), "", new MethodChoice.Saved(card), false,
                UUID.randomUUID().toString(), quote.id()));

        JsonNode data = JSON.readTree(receiver.await(path, 1).getFirst().body()).get("data");
        assertThat(data.get("credited").get("value").asString()).isEqualTo("10000.00");
        assertThat(data.get("credited").get("currency").asString()).isEqualTo("KZT");
        assertThat(data.get("paid").get("value").asString()).isEqualTo("275345.75");
        assertThat(data.get("paid").get("currency").asString()).isEqualTo("UZS");
    }

    /**
     * Every event type, signed, with the account and increasing sequence numbers. Those with a source here come from
     * it: a credited and a declined top-up, a renewal from the balance that also takes it below the threshold, a
     * removed card. The others are published as their sources publish them (the auto-renewal job's, and the
     * integration API's and refunds' to come), in a transaction of their own.
     */
    @Test
    void every_event_type_is_delivered_signed_in_sequence_to_an_endpoint_that_listens_to_all() {
        NewSecret endpoint = endpoint(EventType.values());
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        PaymentMethodId declining = data.savedCard(customer, customer.person(), "0002", false);
        topUps.topUp(new TopUpRequest(customer.person(), "75.00", new MethodChoice.Saved(card), false,
                UUID.randomUUID().toString()));
        topUps.topUp(new TopUpRequest(customer.person(), "20.00", new MethodChoice.Saved(declining), false,
                UUID.randomUUID().toString()));
        var services = new ServiceFixtures(jdbc);
        HostedServiceId vps = services.service(customer, "Webhook VPS", "50.00", "MONTH",
                LocalDate.now().plusDays(3), "ACTIVE", false);
        asAdmin(() -> {
            webhooks.setLowBalanceThreshold(customer.accountId(), new BigDecimal("40.00"));
            return null;
        });
        renewals.renewFromBalance(List.of(new RenewalLine(vps, 1)));
        methods.remove(declining);
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new AccountCreated(customer.accountId(), "Webhook Customer", "USD"));
            events.publishEvent(new PaymentSettled(new PaymentId(UUID.randomUUID()), customer.accountId(), "held",
                    PaymentStatus.WAITING_FOR_CLARIFICATION, "Third-party payer"));
            events.publishEvent(new PaymentRefunded(new PaymentId(UUID.randomUUID()), customer.accountId(), "demo",
                    "re_" + UUID.randomUUID(), Money.of("10.00", "USD"), Money.of("10.00", "USD"), true));
            for (ServiceChanged.Change change : List.of(ServiceChanged.Change.CREATED,
                    ServiceChanged.Change.RENEWAL_FAILED, ServiceChanged.Change.SUSPENDED,
                    ServiceChanged.Change.RESUMED)) {
                events.publishEvent(new ServiceChanged(customer.accountId(), vps, change, LocalDate.now(),
                        change + ":" + vps.value(), null));
            }
            events.publishEvent(new PaymentMethodChanged(card, customer.person(), PaymentMethodStatus.CONFIRMED));
            PaymentMethodId failed = data.savedCard(customer, customer.person(), "4000", false);
            events.publishEvent(new PaymentMethodChanged(failed, customer.person(), PaymentMethodStatus.FAILED));
        });

        List<Received> requests = receiver.await(path, EventType.values().length);
        Set<String> types = new TreeSet<>();
        List<Long> sequences = new ArrayList<>();
        for (Received request : requests) {
            StandardWebhooksVerifier.verify(endpoint.secret(), request, clock.instant());
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.get("account").asString()).isEqualTo(customer.accountId().value().toString());
            types.add(body.get("type").asString());
            sequences.add(body.get("sequence").asLong());
        }
        assertThat(types).isEqualTo(Arrays.stream(EventType.values()).map(EventType::wireName)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(new TreeSet<>(sequences)).as("one sequence number each, from 1")
                .hasSize(requests.size()).first().isEqualTo(1L);
        assertThat(requests).hasSize(EventType.values().length);
    }

    @Test
    void a_statement_batchs_credits_reach_the_receiver_as_one_payment_credited_each() {
        endpoint(EventType.PAYMENT_CREDITED);
        List<PaymentId> payments = List.of(new PaymentId(UUID.randomUUID()), new PaymentId(UUID.randomUUID()));

        transactions.executeWithoutResult(status -> events.publishEvent(new PaymentsSettled(payments.stream()
                .map(id -> new PaymentSettled(id, customer.accountId(), "bank:" + id.value(), PaymentStatus.CREDITED,
                        null)).toList())));

        List<Received> requests = receiver.await(path, 2);
        assertThat(requests).extracting(request -> JSON.readTree(request.body()).get("data").get("payment").asString())
                .containsExactlyInAnyOrderElementsOf(payments.stream().map(id -> id.value().toString()).toList());
        assertThat(requests).extracting(request -> JSON.readTree(request.body()).get("type").asString())
                .containsOnly("payment.credited");
    }

    @Test
    void a_payment_settled_twice_is_one_event_and_an_endpoint_gets_only_the_types_it_listens_to() {
        NewSecret endpoint = endpoint(EventType.PAYMENT_REJECTED);
        PaymentId payment = new PaymentId(UUID.randomUUID());
        for (int i = 0; i < 2; i++) {
            transactions.executeWithoutResult(status -> {
                events.publishEvent(new PaymentSettled(payment, customer.accountId(), "k", PaymentStatus.REJECTED,
                        "Declined"));
                events.publishEvent(new AccountCreated(customer.accountId(), "Not listened to", "USD"));
            });
        }
        receiver.await(path, 1);
        assertThat(settledOnlyDelivery(endpoint.endpointId()).type()).isEqualTo(EventType.PAYMENT_REJECTED);
        assertThat(delivery.runDue()).isZero();
        assertThat(receiver.at(path)).hasSize(1);
    }

    @Test
    void a_change_that_rolls_back_records_and_sends_nothing() {
        NewSecret endpoint = endpoint(EventType.PAYMENT_REJECTED);
        int events = count("webhook_event");

        transactions.executeWithoutResult(status -> {
            this.events.publishEvent(new PaymentSettled(new PaymentId(UUID.randomUUID()), customer.accountId(), "k",
                    PaymentStatus.REJECTED, "Declined"));
            status.setRollbackOnly();
        });

        assertThat(count("webhook_event")).isEqualTo(events);
        assertThat(delivery.runDue()).isZero();
        assertThat(asAdmin(() -> webhooks.countDeliveries(endpoint.endpointId()))).isZero();
        assertThat(receiver.at(path)).isEmpty();
    }

    // --- retries

    /**
     * Shutdown (DD-081) while every sender of a node is busy: the sends under way finish, the delivery claimed and
     * queued behind them is not sent by that node but given back, due at once with its attempt uncounted, and the
     * next claim (any node's) delivers it without waiting for the lease.
     */
    @Test
    void at_shutdown_a_claimed_delivery_not_yet_sent_is_given_back_due_at_once() throws Exception {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        int events = properties.senders() + 1;
        for (int i = 0; i < events; i++) {
            receiver.script(path, Reply.status(500));
        }
        for (int i = 0; i < properties.senders(); i++) {
            receiver.script(path, Reply.after(Duration.ofMillis(1500)));
        }
        NewSecret endpoint = endpoint(EventType.PAYMENT_REJECTED);
        for (int i = 0; i < events; i++) {
            rejected();
        }
        receiver.await(path, events);
        waitUntil(() -> waiting(endpoint.endpointId()) == events);
        clock.advance(Duration.ofSeconds(6));

        BackgroundWork work = new BackgroundWork(Duration.ofSeconds(5));
        WebhookDelivery node = new WebhookDelivery(store, endpointStore, sender, audit, properties,
                transactionManager, clock, work);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(node::runDue);
        receiver.await(path, events + properties.senders());
        work.stop();
        node.destroy();
        assertThat(run.get(10, TimeUnit.SECONDS)).as("one batch claimed").isEqualTo(events);
        assertThat(receiver.at(path)).as("the queued one was not sent").hasSize(events + properties.senders());

        List<Map<String, Object>> rows = jdbc.sql("""
                        select status, attempts, next_attempt_at, claimed_until from webhook_delivery
                         where endpoint_id = ? and attempts = 1""")
                .param(endpoint.endpointId().value()).query().listOfRows();
        assertThat(rows).as("one delivery given back with only its first attempt counted").hasSize(1);
        assertThat(String.valueOf(rows.getFirst().get("status")).trim()).isEqualTo("PENDING");
        assertThat(rows.getFirst().get("claimed_until")).isNull();

        receiver.script(path, Reply.status(204));
        assertThat(delivery.runDue()).as("due at once, not after the lease").isEqualTo(1);
        assertThat(receiver.at(path)).hasSize(events + properties.senders() + 1);
    }

    private int waiting(WebhookEndpointId endpoint) {
        return jdbc.sql("select count(*) from webhook_delivery where endpoint_id = ? and status = 'PENDING'")
                .param(endpoint.value()).query(Integer.class).single();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void after_500_429_with_retry_after_and_a_timeout_the_same_event_is_delivered_with_the_same_webhook_id() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        receiver.script(path, Reply.status(500), Reply.status(429, "Retry-After", "30"),
                Reply.after(Duration.ofSeconds(3)));
        NewSecret endpoint = endpoint(EventType.PAYMENT_REJECTED);
        rejected();

        receiver.await(path, 1);
        DeliveryLogRow first = settledOnlyDelivery(endpoint.endpointId());
        assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(first.lastStatus()).isEqualTo(500);
        assertThat(first.nextAttemptAt()).as("5 s, jittered by 10 %")
                .isBetween(clock.instant().plusMillis(4500), clock.instant().plusMillis(5500));
        assertThat(delivery.runDue()).as("not due yet").isZero();

        clock.advance(Duration.ofSeconds(6));
        assertThat(delivery.runDue()).isEqualTo(1);
        DeliveryLogRow second = settledOnlyDelivery(endpoint.endpointId());
        assertThat(second.lastStatus()).isEqualTo(429);
        assertThat(second.nextAttemptAt()).as("the receiver's Retry-After").isEqualTo(clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(31));
        assertThat(delivery.runDue()).isEqualTo(1);
        DeliveryLogRow third = settledOnlyDelivery(endpoint.endpointId());
        assertThat(third.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(third.lastStatus()).isNull();
        assertThat(third.lastError()).contains("No answer within 1 s");
        assertThat(third.nextAttemptAt()).as("the third step: 30 min")
                .isBetween(clock.instant().plus(Duration.ofMinutes(27)), clock.instant().plus(Duration.ofMinutes(33)));

        clock.advance(Duration.ofMinutes(34));
        assertThat(delivery.runDue()).isEqualTo(1);
        DeliveryLogRow delivered = settledOnlyDelivery(endpoint.endpointId());
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(4);
        List<Received> requests = receiver.await(path, 4);
        assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(delivered.eventId().toString());
        StandardWebhooksVerifier.verify(endpoint.secret(), requests.getLast(), clock.instant());
        assertThat(asAdmin(() -> webhooks.attempts(delivered.id()))).extracting(AttemptRow::outcome)
                .containsExactly(AttemptOutcome.REFUSED, AttemptOutcome.THROTTLED, AttemptOutcome.TIMEOUT,
                        AttemptOutcome.DELIVERED);
    }

    @Test
    void a_delivery_fails_for_good_when_the_schedule_is_used_up() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Reply[] failures = new Reply[properties.retrySchedule().size() + 1];
        Arrays.fill(failures, Reply.status(500));
        receiver.script(path, failures);
        NewSecret endpoint = endpoint(EventType.PAYMENT_REJECTED);
        rejected();
        receiver.await(path, 1);
        settledOnlyDelivery(endpoint.endpointId());

        for (int i = 0; i < properties.retrySchedule().size(); i++) {
            clock.advance(properties.retrySchedule().get(i).multipliedBy(2));
            assertThat(delivery.runDue()).isEqualTo(1);
        }

        DeliveryLogRow row = settledOnlyDelivery(endpoint.endpointId());
        assertThat(row.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(row.attempts()).isEqualTo(properties.retrySchedule().size() + 1);
        clock.advance(Duration.ofDays(2));
        assertThat(delivery.runDue()).isZero();
    }

    @Test
    void a_410_switches_the_endpoint_off_audited_and_nothing_more_goes_to_it() {
        receiver.script(path, Reply.status(410));
        NewSecret endpoint = endpoint(EventType.PAYMENT_REJECTED);
        rejected();
        receiver.await(path, 1);

        DeliveryLogRow row = settledOnlyDelivery(endpoint.endpointId());
        assertThat(row.status()).isEqualTo(DeliveryStatus.FAILED);
        EndpointSummary summary = asAdmin(() -> webhooks.endpoint(endpoint.endpointId()));
        assertThat(summary.enabled()).isFalse();
        assertThat(summary.disabledReason()).contains("410");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'webhook.endpoint.gone' and subject_id = ?")
                .param(endpoint.endpointId().value()).query(Integer.class).single()).isEqualTo(1);

        rejected();
        assertThat(delivery.runDue()).isZero();
        assertThat(asAdmin(() -> webhooks.countDeliveries(endpoint.endpointId()))).isEqualTo(1);
        assertThat(receiver.at(path)).hasSize(1);
        assertThatThrownBy(() -> asAdmin(() -> {
            webhooks.replay(row.id());
            return null;
        })).isInstanceOf(InvalidRequestException.class).hasMessageContaining("switched off");
    }

    // --- secrets

    @Test
    void during_a_rotation_both_secrets_sign_and_after_the_overlap_only_the_new_one() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        NewSecret old = endpoint(EventType.PAYMENT_REJECTED);
        NewSecret rotated = asAdmin(() -> webhooks.rotateSecret(old.endpointId()));
        assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(old.secret());
        assertThat(rotated.toString()).doesNotContain(rotated.secret());

        rejected();
        Received during = receiver.await(path, 1).getFirst();
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        StandardWebhooksVerifier.verify(old.secret(), during, clock.instant());
        StandardWebhooksVerifier.verify(rotated.secret(), during, clock.instant());

        clock.advance(properties.rotationOverlap().plusSeconds(1));
        rejected();
        Received after = receiver.await(path, 2).getLast();
        assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
        StandardWebhooksVerifier.verify(rotated.secret(), after, clock.instant());
        assertThat(StandardWebhooksVerifier.matches(old.secret(), after, clock.instant())).isFalse();
    }

    @Test
    void an_endpoint_with_a_bad_url_or_no_event_type_is_refused_and_nothing_is_written() {
        int endpoints = count("webhook_endpoint");
        int audits = count("audit_entry");
        for (EndpointDraft draft : List.of(new EndpointDraft("ftp://x.example.com", "", List.of(EventType.BALANCE_LOW)),
                new EndpointDraft("not a url", "", List.of(EventType.BALANCE_LOW)),
                new EndpointDraft("https://user:secret@x.example.com/", "", List.of(EventType.BALANCE_LOW)),
                new EndpointDraft("https://x.example.com/", "", List.of()),
                new EndpointDraft("https://x.example.com/", "d".repeat(201), List.of(EventType.BALANCE_LOW)))) {
            assertThatThrownBy(() -> asAdmin(() -> webhooks.create(draft))).as(draft.url())
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThat(count("webhook_endpoint")).isEqualTo(endpoints);
        assertThat(count("audit_entry")).isEqualTo(audits);
    }

    // --- replays

    @Test
    void staff_replay_a_delivery_and_everything_since_a_time_with_the_same_webhook_ids() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        NewSecret endpoint = endpoint(EventType.PAYMENT_REJECTED);
        rejected();
        receiver.await(path, 1);
        DeliveryLogRow first = settledOnlyDelivery(endpoint.endpointId());
        Instant between = clock.instant().plusSeconds(1);
        clock.advance(Duration.ofSeconds(2));
        rejected();
        receiver.await(path, 2);
        awaitSettled(endpoint.endpointId());

        asAdmin(() -> {
            webhooks.replay(first.id());
            return null;
        });
        assertThat(delivery.runDue()).isEqualTo(1);
        assertThat(receiver.await(path, 3).getLast().header("webhook-id")).isEqualTo(first.eventId().toString());

        assertThat(asAdmin(() -> webhooks.replaySince(endpoint.endpointId(), between))).isEqualTo(1);
        assertThat(delivery.runDue()).isEqualTo(1);
        List<Received> requests = receiver.await(path, 4);
        assertThat(requests.getLast().header("webhook-id")).isEqualTo(requests.get(1).header("webhook-id"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action like 'webhook.delivery.replayed%' "
                + "and subject_id in (?, ?)").params(first.id().value(), endpoint.endpointId().value())
                .query(Integer.class).single()).isEqualTo(2);
    }

    // --- crashes and several nodes

    /**
     * The state a node leaves when it stops right after the change's commit: the event, its delivery and its
     * publication are written, and the after-commit delivery never ran. Recorded through the outbox outside a
     * transaction: an after-commit listener without a transaction is never called (as the mail contract does).
     */
    @Test
    void an_event_left_by_a_stop_after_the_commit_is_delivered_after_the_restart_with_the_same_webhook_id() {
        NewSecret endpoint = endpoint(EventType.BALANCE_LOW);
        UUID event = outbox.record(EventType.BALANCE_LOW, customer.accountId(), "crash:" + UUID.randomUUID(),
                data -> data.put("note", "left by a crash"));
        assertThat(event).isNotNull();
        assertThat(receiver.at(path)).isEmpty();
        assertThat(jdbc.sql("select count(*) from webhook_delivery where event_id = ? and status = 'PENDING'")
                .param(event).query(Integer.class).single()).isEqualTo(1);

        // The restarted node's scheduled claim.
        assertThat(delivery.runDue()).isEqualTo(1);

        Received request = receiver.await(path, 1).getFirst();
        assertThat(request.header("webhook-id")).isEqualTo(event.toString());
        StandardWebhooksVerifier.verify(endpoint.secret(), request, clock.instant());
        assertThat(settledOnlyDelivery(endpoint.endpointId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void a_node_that_dies_holding_a_claim_delays_the_delivery_only_until_its_lease_then_it_goes_with_the_same_id() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        NewSecret endpoint = endpoint(EventType.BALANCE_LOW);
        UUID event = outbox.record(EventType.BALANCE_LOW, customer.accountId(), "held:" + UUID.randomUUID(),
                data -> data.put("note", "claimed by a node that died"));
        // The dying node claimed it and never sent it.
        List<WebhookDeliveryId> claimed = transactions.execute(status -> store.claimDue(clock.instant(),
                clock.instant().plus(properties.lease()), 100));
        assertThat(claimed).hasSize(1);

        assertThat(delivery.runDue()).as("within the lease the node may still be sending").isZero();
        clock.advance(properties.lease().plusSeconds(1));
        assertThat(delivery.runDue()).isEqualTo(1);

        assertThat(receiver.await(path, 1).getFirst().header("webhook-id")).isEqualTo(event.toString());
        DeliveryLogRow row = settledOnlyDelivery(endpoint.endpointId());
        assertThat(row.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(row.attempts()).isEqualTo(2);
    }

    @Test
    void two_workers_claiming_at_once_send_every_delivery_exactly_once() throws Exception {
        NewSecret endpoint = endpoint(EventType.BALANCE_LOW);
        int events = 120;
        Set<String> recorded = new TreeSet<>();
        for (int i = 0; i < events; i++) {
            recorded.add(String.valueOf(outbox.record(EventType.BALANCE_LOW, customer.accountId(),
                    "race:" + UUID.randomUUID(), data -> data.put("note", "race"))));
        }

        List<Integer> tried = AtOnce.run(2, worker -> delivery.runDue());

        assertThat(tried.stream().mapToInt(Integer::intValue).sum()).isEqualTo(events);
        List<Received> requests = receiver.await(path, events);
        assertThat(requests).hasSize(events);
        Set<String> sent = requests.stream().map(r -> r.header("webhook-id"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(sent).isEqualTo(recorded);
        assertThat(jdbc.sql("select count(*) from webhook_delivery where endpoint_id = ? and status = 'DELIVERED' "
                + "and attempts = 1").param(endpoint.endpointId().value()).query(Integer.class).single())
                .isEqualTo(events);
    }

    // --- helpers

    private NewSecret endpoint(EventType... types) {
        return asAdmin(() -> webhooks.create(new EndpointDraft(receiver.url(path), "Test receiver",
                List.copyOf(EnumSet.copyOf(List.of(types))))));
    }

    /** A declined payment's event, as the settlement publishes it. */
    private void rejected() {
        transactions.executeWithoutResult(status -> events.publishEvent(new PaymentSettled(
                new PaymentId(UUID.randomUUID()), customer.accountId(), "k", PaymentStatus.REJECTED, "Declined")));
    }

    /** The endpoint's only delivery, once no sender holds it. */
    private DeliveryLogRow settledOnlyDelivery(WebhookEndpointId endpoint) {
        awaitSettled(endpoint);
        List<DeliveryLogRow> rows = asAdmin(() -> webhooks.deliveries(endpoint, 0, 10));
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    private void awaitSettled(WebhookEndpointId endpoint) {
        WebhookReceiver.waitFor(() -> jdbc.sql("select count(*) from webhook_delivery where endpoint_id = ? "
                + "and (status = 'SENDING' or attempts = 0)").param(endpoint.value()).query(Integer.class)
                .single() == 0, "the deliveries of " + endpoint.value() + " to be settled");
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private <T> T asAdmin(Supplier<T> call) {
        SecurityContext before = SecurityContextHolder.getContext();
        TestData.signIn(admin, List.of(StaffRole.ADMIN));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
