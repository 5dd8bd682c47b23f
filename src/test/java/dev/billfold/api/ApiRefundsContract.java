package dev.billfold.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.AtOnce;
import dev.billfold.MutableClock;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.apikey.ApiKeyDraft;
import dev.billfold.apikey.ApiKeys;
import dev.billfold.apikey.CreatedApiKey;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.security.ApiScope;
import dev.billfold.staff.StaffRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Refunds through the integration API with a real HTTP client (issue 17, DD-079): a credited demo-card top-up is
 * refunded by Finance's own path, read and listed; a retry with the same Idempotency-Key makes one refund and one
 * ledger entry, even after the key's replay time; and each family of bad input is refused and changes nothing.
 */
abstract class ApiRefundsContract {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TopUpService topUps;
    @Autowired
    MutableClock clock;

    ApiHttp api;
    CreatedApiKey writerKey;
    String writer;
    String reader;
    Customer customer;
    PaymentId payment;

    @BeforeEach
    void keysAndACreditedTopUp() {
        api = new ApiHttp(port);
        TestData.signIn(data.newStaffUser(), List.of(StaffRole.ADMIN));
        try {
            writerKey = keys.create(new ApiKeyDraft("Refunds " + UUID.randomUUID(), EnumSet.allOf(ApiScope.class),
                    null));
            writer = writerKey.secret();
            reader = keys.create(new ApiKeyDraft("Reader " + UUID.randomUUID(), Set.of(ApiScope.READ), null)).secret();
        } finally {
            TestData.signOut();
        }
        customer = data.newCustomer("USD");
        payment = topUp("100.00");
    }

    @AfterEach
    void signedOut() {
        TestData.signOut();
    }

    @Test
    void a_payment_is_refunded_in_part_read_listed_and_audited_with_the_key_as_actor() {
        var created = api.post(writer, refunds(payment), refund("30.00", "USD", "Charged twice, ticket 881"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode refund = created.json();
        String id = refund.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/refunds/" + id);
        assertThat(refund.path("accountId").asString()).isEqualTo(customer.accountId().value().toString());
        assertThat(refund.path("amount").path("value").asString()).isEqualTo("30.00");
        assertThat(refund.path("amount").path("currency").asString()).isEqualTo("USD");
        assertThat(refund.path("origin").asString()).isEqualTo("OPERATOR");
        assertThat(refund.path("decision").asString()).isEqualTo("APPROVED");
        assertThat(refund.path("note").asString()).isEqualTo("Charged twice, ticket 881");
        assertThat(refund.path("requestedBy").asString()).isEqualTo(writerKey.key().name());
        assertThat(refund.path("requestedAt").asString()).endsWith("Z");
        assertThat(refund.path("parts")).hasSize(1);
        assertThat(refund.path("parts").get(0).path("paymentId").asString()).isEqualTo(payment.value().toString());
        assertThat(refund.path("parts").get(0).path("destination").asString()).contains("4242");

        // Sent to the demo provider right after the commit, which refunds at once.
        JsonNode read = api.get(reader, created.header("Location")).json();
        assertThat(read.path("status").asString()).isEqualTo("Refunded");
        assertThat(read.path("parts").get(0).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(read.path("hasReceipt").asBoolean()).isTrue();
        assertThat(balance()).isEqualTo("70.00");

        JsonNode listed = api.get(reader, "/api/v1/accounts/" + customer.accountId().value() + "/refunds").json();
        assertThat(listed.path("items")).hasSize(1);
        assertThat(listed.path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(listed.path("nextCursor").isNull()).isTrue();

        Map<String, Object> audit = jdbc.sql("""
                        select actor_kind, actor_name, note from audit_entry
                        where account_id = ? and action = 'refund.operator'""")
                .param(customer.accountId().value()).query().singleRow();
        assertThat(audit).containsEntry("actor_kind", "API").containsEntry("actor_name", writerKey.key().name())
                .containsEntry("note", "Charged twice, ticket 881");
    }

    @Test
    void a_retry_with_the_same_idempotency_key_makes_one_refund_and_one_ledger_entry_even_after_its_replay_time() {
        String key = UUID.randomUUID().toString();
        String body = refund("25.00", "USD", "Cancelled order");
        var first = api.post(writer, refunds(payment), body, key);
        var again = api.post(writer, refunds(payment), body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(refundRequests()).isEqualTo(1);
        assertThat(reservations()).isEqualTo(1);
        assertThat(balance()).isEqualTo("75.00");

        // Past the 24 h replay time the stored answer is gone, but the refund's own key (derived from the client
        // and the Idempotency-Key) still finds the refund made: the retry answers it and refunds nothing more.
        clock.advance(Duration.ofHours(25));
        var late = api.post(writer, refunds(payment), body, key);
        assertThat(late.status()).as(late.body()).isEqualTo(201);
        assertThat(late.header("Idempotent-Replayed")).isNull();
        assertThat(late.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(refundRequests()).isEqualTo(1);
        assertThat(reservations()).isEqualTo(1);
        assertThat(balance()).isEqualTo("75.00");

        // Another key is another refund; the same key for another body is refused.
        assertThat(api.post(writer, refunds(payment), body, UUID.randomUUID().toString()).status()).isEqualTo(201);
        assertThat(api.post(writer, refunds(payment), refund("1.00", "USD", "x"), key).status()).isEqualTo(422);
        assertThat(refundRequests()).isEqualTo(2);
        assertThat(balance()).isEqualTo("50.00");
    }

    @Test
    void two_refunds_at_once_never_take_more_than_the_payment_has_left_and_one_key_sent_twice_at_once_is_one_refund()
            throws Exception {
        List<ApiHttp.Answer> race = AtOnce.run(2, i -> api.post(writer, refunds(payment),
                refund("60.00", "USD", "Race " + i)));
        assertThat(race).extracting(ApiHttp.Answer::status).containsExactlyInAnyOrder(201, 422);
        assertThat(refundRequests()).isEqualTo(1);
        assertThat(balance()).isEqualTo("40.00");

        String key = UUID.randomUUID().toString();
        String body = refund("10.00", "USD", "Same key");
        List<ApiHttp.Answer> same = AtOnce.run(2, i -> api.post(writer, refunds(payment), body, key));
        assertThat(same).extracting(ApiHttp.Answer::status).contains(201).allMatch(status -> status == 201
                || status == 409);
        assertThat(refundRequests()).isEqualTo(2);
        assertThat(reservations()).isEqualTo(2);
        assertThat(balance()).isEqualTo("30.00");
    }

    @Test
    void bad_input_is_refused_with_the_field_at_fault_and_changes_nothing() {
        String path = refunds(payment);
        assertRefused(api.post(writer, path, refund("100.01", "USD", "Too much")), 422, "amount");
        assertRefused(api.post(writer, path, refund("10.00", "EUR", "Wrong currency")), 422, "amount.currency");
        assertRefused(api.post(writer, path, refund("0.00", "USD", "Zero")), 422, "amount");
        assertRefused(api.post(writer, path, refund("-5.00", "USD", "Negative")), 422, "amount");
        assertRefused(api.post(writer, path, refund("10.00", "USD", " ")), 422, "reason");
        assertRefused(api.post(writer, path, "{\"reason\":\"No amount\"}"), 422, "amount");
        assertRefused(api.post(writer, path, "{\"amount\":{\"value\":\"1.00\",\"currency\":\"USD\"},\"reason\":\"x\","
                + "\"paymentId\":\"x\"}"), 400, "paymentId");

        var nobodys = api.post(writer, refunds(new PaymentId(UUID.randomUUID())), refund("10.00", "USD", "Nobody's"));
        assertThat(nobodys.status()).isEqualTo(404);
        assertThat(nobodys.json().path("type").asString()).endsWith("/not-found");
        assertThat(api.post(writer, "/api/v1/payments/not-a-uuid/refunds", refund("10.00", "USD", "x")).status())
                .isEqualTo(404);
        var forbidden = api.post(reader, path, refund("10.00", "USD", "No scope"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().path("type").asString()).endsWith("/missing-scope");

        assertThat(refundRequests()).isZero();
        assertThat(reservations()).isZero();
        assertThat(balance()).isEqualTo("100.00");
        assertThat(jdbc.sql("select count(*) from audit_entry where account_id = ? and action like 'refund.%'")
                .param(customer.accountId().value()).query(Integer.class).single()).isZero();
    }

    @Test
    void a_refund_is_read_only_through_its_own_id_and_another_accounts_list_does_not_show_it() {
        String id = api.post(writer, refunds(payment), refund("10.00", "USD", "Goodwill")).json().path("id")
                .asString();
        Customer other = data.newCustomer("USD");
        assertThat(api.get(reader, "/api/v1/accounts/" + other.accountId().value() + "/refunds").json().path("items"))
                .isEmpty();
        assertThat(api.get(reader, "/api/v1/refunds/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get(reader, "/api/v1/refunds/" + payment.value()).status()).as("a payment's id is no refund's")
                .isEqualTo(404);
        assertThat(api.get(reader, "/api/v1/accounts/" + UUID.randomUUID() + "/refunds").status()).isEqualTo(404);
        assertThat(api.get(reader, "/api/v1/refunds/" + id).status()).isEqualTo(200);
    }

    @Test
    void an_accounts_refunds_are_listed_newest_first_in_cursor_pages_that_neither_skip_nor_repeat() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(api.post(writer, refunds(payment), refund("5.00", "USD", "Part " + i)).json().path("id")
                    .asString());
            clock.advance(Duration.ofSeconds(1));
        }
        String list = "/api/v1/accounts/" + customer.accountId().value() + "/refunds?limit=2";
        JsonNode first = api.get(reader, list).json();
        assertThat(first.path("items")).hasSize(2);
        JsonNode second = api.get(reader, list + "&cursor=" + first.path("nextCursor").asString()).json();
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("nextCursor").isNull()).isTrue();
        List<String> seen = new ArrayList<>();
        first.path("items").forEach(item -> seen.add(item.path("id").asString()));
        second.path("items").forEach(item -> seen.add(item.path("id").asString()));
        assertThat(seen).containsExactlyElementsOf(made.reversed());
        assertThat(api.get(reader, list + "&cursor=forged").status()).isEqualTo(422);
        assertThat(api.get(reader, "/api/v1/accounts/" + customer.accountId().value() + "/refunds?limit=0").status())
                .isEqualTo(422);
    }

    private void assertRefused(ApiHttp.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").findValuesAsString("field")).contains(field);
    }

    private PaymentId topUp(String amount) {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", false);
        TestData.signIn(customer.username());
        try {
            var outcome = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), amount,
                    new MethodChoice.Saved(card), false, UUID.randomUUID().toString()));
            assertThat(outcome.status().name()).isEqualTo("CREDITED");
            return outcome.paymentId();
        } finally {
            TestData.signOut();
        }
    }

    private static String refunds(PaymentId paymentId) {
        return "/api/v1/payments/" + paymentId.value() + "/refunds";
    }

    private static String refund(String value, String currency, String reason) {
        return """
                {"amount":{"value":"%s","currency":"%s"},"reason":"%s"}""".formatted(value, currency, reason);
    }

    private String balance() {
        return api.get(reader, "/api/v1/accounts/" + customer.accountId().value() + "/balance").json()
                .path("balance").path("value").asString();
    }

    private int refundRequests() {
        return jdbc.sql("select count(*) from refund_request where account_id = ?")
                .param(customer.accountId().value()).query(Integer.class).single();
    }

    /** The refunds' ledger entries: one reservation per part, keyed by the part. */
    private int reservations() {
        return jdbc.sql("select count(*) from ledger_entry where account_id = ? and kind like 'REFUND%'")
                .param(customer.accountId().value()).query(Integer.class).single();
    }
}
