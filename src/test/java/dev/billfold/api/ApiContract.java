package dev.billfold.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.AtOnce;
import dev.billfold.MutableClock;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.apikey.ApiKeyDraft;
import dev.billfold.apikey.ApiKeys;
import dev.billfold.apikey.CreatedApiKey;
import dev.billfold.security.ApiScope;
import dev.billfold.staff.StaffRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HexFormat;
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
 * The integration API through a real HTTP client against the application on its port (issue 17): every resource,
 * idempotency (replay, another body, a concurrent pair) and every family of bad input, each of which changes nothing.
 */
abstract class ApiContract {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    ApiHttp api;
    String everything;
    String readOnly;
    CreatedApiKey everythingKey;

    @BeforeEach
    void twoKeys() {
        api = new ApiHttp(port);
        String admin = data.newStaffUser();
        TestData.signIn(admin, List.of(StaffRole.ADMIN));
        try {
            everythingKey = keys.create(new ApiKeyDraft("Provisioning " + UUID.randomUUID(),
                    EnumSet.allOf(ApiScope.class), null));
            everything = everythingKey.secret();
            readOnly = keys.create(new ApiKeyDraft("Reader " + UUID.randomUUID(), Set.of(ApiScope.READ), null))
                    .secret();
        } finally {
            TestData.signOut();
        }
    }

    @AfterEach
    void signedOut() {
        TestData.signOut();
    }

    @Test
    void an_account_is_created_read_listed_by_external_id_renamed_and_audited_with_the_key_as_actor() {
        String external = "crm-" + UUID.randomUUID();
        var created = api.post(everything, "/api/v1/accounts",
                "{\"name\":\"Morgan Web\",\"currency\":\"USD\",\"country\":\"US\",\"externalId\":\"" + external + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode account = created.json();
        String id = account.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/accounts/" + id);
        assertThat(account.path("currency").asString()).isEqualTo("USD");
        assertThat(account.path("number").asString()).hasSize(9);
        assertThat(account.path("balance").path("value").asString()).isEqualTo("0.00");
        assertThat(account.path("balance").path("currency").asString()).isEqualTo("USD");

        assertThat(api.get(readOnly, "/api/v1/accounts/" + id).json().path("externalId").asString())
                .isEqualTo(external);
        JsonNode found = api.get(readOnly, "/api/v1/accounts?externalId=" + external).json();
        assertThat(found.path("items")).hasSize(1);
        assertThat(found.path("items").get(0).path("id").asString()).isEqualTo(id);

        var renamed = api.patch(everything, "/api/v1/accounts/" + id, "{\"name\":\"Morgan Web Studio\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("Morgan Web Studio");
        assertThat(api.get(readOnly, "/api/v1/accounts/" + id + "/balance").json().path("balance").path("value")
                .asString()).isEqualTo("0.00");

        Map<String, Object> audit = jdbc.sql("""
                        select actor_kind, actor_name, actor_role from audit_entry
                        where account_id = ? and action = 'account.created'""")
                .param(UUID.fromString(id)).query().singleRow();
        assertThat(audit).containsEntry("actor_kind", "API")
                .containsEntry("actor_name", everythingKey.key().name());
        assertThat(jdbc.sql("select count(*) from audit_entry where account_id = ? and action = 'account.renamed'")
                .param(UUID.fromString(id)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void accounts_are_listed_in_cursor_pages_that_neither_skip_nor_repeat() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.post(everything, "/api/v1/accounts", "{\"name\":\"Paged " + i + "\",\"currency\":\"USD\"}")
                    .status()).isEqualTo(201);
        }
        JsonNode first = api.get(readOnly, "/api/v1/accounts?limit=2").json();
        assertThat(first.path("items")).hasSize(2);
        JsonNode second = api.get(readOnly, "/api/v1/accounts?limit=2&cursor=" + first.path("nextCursor").asString())
                .json();
        assertThat(second.path("items").get(0).path("number").asString())
                .isGreaterThan(first.path("items").get(1).path("number").asString());

        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(readOnly, "/api/v1/accounts?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.path("items").forEach(item -> seen.add(item.path("number").asString()));
            cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
        } while (cursor != null);
        int total = jdbc.sql("select count(*) from account").query(Integer.class).single();
        assertThat(seen).hasSize(total).doesNotHaveDuplicates().isSorted();
        assertThat(api.get(readOnly, "/api/v1/accounts?cursor=forged").status()).isEqualTo(422);
    }

    @Test
    void members_are_linked_by_oidc_identity_their_role_changed_and_the_last_owner_stays() {
        String id = newAccount("USD");
        String issuer = "https://id.provider.test/";
        var linked = api.post(everything, "/api/v1/accounts/" + id + "/members",
                "{\"issuer\":\"" + issuer + "\",\"subject\":\"sub-" + UUID.randomUUID()
                        + "\",\"displayName\":\"Pat Owner\",\"role\":\"OWNER\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        String owner = linked.json().path("userId").asString();
        var viewer = api.post(everything, "/api/v1/accounts/" + id + "/members",
                "{\"issuer\":\"" + issuer + "\",\"subject\":\"sub-" + UUID.randomUUID() + "\",\"role\":\"VIEWER\"}");
        String viewerId = viewer.json().path("userId").asString();

        assertThat(api.get(readOnly, "/api/v1/accounts/" + id + "/members").json().path("items")).hasSize(2);
        var demoted = api.patch(everything, "/api/v1/accounts/" + id + "/members/" + owner, "{\"role\":\"VIEWER\"}");
        assertThat(demoted.status()).isEqualTo(422);
        assertThat(demoted.json().path("errors").get(0).path("field").asString()).isEqualTo("role");
        assertThat(api.delete(everything, "/api/v1/accounts/" + id + "/members/" + owner).status()).isEqualTo(422);

        var promoted = api.patch(everything, "/api/v1/accounts/" + id + "/members/" + viewerId,
                "{\"role\":\"BILLING\"}");
        assertThat(promoted.json().path("role").asString()).isEqualTo("BILLING");
        assertThat(api.delete(everything, "/api/v1/accounts/" + id + "/members/" + viewerId).status())
                .isEqualTo(204);
        JsonNode left = api.get(readOnly, "/api/v1/accounts/" + id + "/members").json().path("items");
        assertThat(left).hasSize(1);
        assertThat(left.get(0).path("role").asString()).isEqualTo("OWNER");
    }

    @Test
    void an_adjustment_at_or_below_the_limit_posts_and_one_above_it_waits_for_a_finance_member() {
        String id = newAccount("USD");
        var small = api.post(everything, "/api/v1/accounts/" + id + "/adjustments", adjustment("CREDIT", "25.00",
                "USD"));
        assertThat(small.status()).as(small.body()).isEqualTo(201);
        assertThat(small.json().path("status").asString()).isEqualTo("POSTED");
        assertThat(small.json().path("requestedBy").asString()).isEqualTo(everythingKey.key().name());
        var large = api.post(everything, "/api/v1/accounts/" + id + "/adjustments", adjustment("CREDIT", "750.00",
                "USD"));
        assertThat(large.json().path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(api.get(readOnly, large.header("Location")).json().path("status").asString())
                .isEqualTo("AWAITING_APPROVAL");

        assertThat(api.get(readOnly, "/api/v1/accounts/" + id + "/balance").json().path("balance").path("value")
                .asString()).isEqualTo("25.00");
        JsonNode ledger = api.get(readOnly, "/api/v1/ledger?accountId=" + id).json().path("items");
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).path("kind").asString()).isEqualTo("ADJUSTMENT");
        assertThat(ledger.get(0).path("amount").path("value").asString()).isEqualTo("25.00");
        assertThat(ledger.get(0).path("createdAt").asString()).endsWith("Z");
    }

    @Test
    void payments_are_listed_by_account_and_status() {
        Customer customer = data.newCustomer("USD");
        JsonNode none = api.get(readOnly, "/api/v1/payments?accountId=" + customer.accountId().value()
                + "&status=CREDITED").json();
        assertThat(none.path("items")).isEmpty();
        assertThat(api.get(readOnly, "/api/v1/payments?status=NOT_A_STATUS").status()).isEqualTo(400);
        var time = api.get(readOnly, "/api/v1/payments?from=" + java.time.OffsetDateTime.now(ZoneOffset.ofHours(5))
                .minusDays(1).toString().replace("+", "%2B"));
        assertThat(time.status()).as(time.body()).isEqualTo(200);
    }

    @Test
    void a_service_is_added_its_price_changed_from_a_day_and_it_is_suspended_resumed_and_terminated() {
        String id = newAccount("USD");
        String paidUntil = java.time.LocalDate.now(ZoneOffset.UTC).plusDays(20).toString();
        var created = api.post(everything, "/api/v1/accounts/" + id + "/services", """
                {"kind":"VPS","name":"VPS Amsterdam-3","price":{"value":"12.50","currency":"USD"},"period":"MONTH",
                 "paidUntil":"%s","autoRenew":true}""".formatted(paidUntil));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode service = created.json();
        String path = created.header("Location");
        assertThat(service.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(service.path("paidUntil").asString()).isEqualTo(paidUntil);
        assertThat(service.path("price").path("value").asString()).isEqualTo("12.50");
        assertThat(service.path("periodsOffered").toString()).isEqualTo("[1,3,6,12]");
        var awaiting = api.post(everything, "/api/v1/accounts/" + id + "/services", """
                {"kind":"LICENCE","name":"cPanel","price":{"value":"45.00","currency":"USD"},"period":"YEAR"}""");
        assertThat(awaiting.json().path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(api.get(readOnly, "/api/v1/accounts/" + id + "/services").json().path("items")).hasSize(2);

        String from = java.time.LocalDate.now(ZoneOffset.UTC).plusDays(20).toString();
        var changed = api.post(everything, path + "/price-changes",
                "{\"price\":{\"value\":\"14.00\",\"currency\":\"USD\"},\"from\":\"" + from + "\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("price").path("value").asString()).isEqualTo("12.50");
        assertThat(changed.json().path("nextPrice").path("value").asString()).isEqualTo("14.00");
        assertThat(changed.json().path("nextPriceFrom").asString()).isEqualTo(from);
        var past = api.post(everything, path + "/price-changes", "{\"price\":{\"value\":\"9.00\",\"currency\":"
                + "\"USD\"},\"from\":\"2020-01-01\"}");
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().path("errors").get(0).path("field").asString()).isEqualTo("from");

        assertThat(api.post(everything, path + "/suspend", "").json().path("status").asString())
                .isEqualTo("SUSPENDED");
        assertThat(api.post(everything, path + "/resume", "").json().path("status").asString()).isEqualTo("ACTIVE");
        var terminated = api.post(everything, path + "/terminate", "");
        assertThat(terminated.json().path("status").asString()).isEqualTo("TERMINATED");
        assertThat(terminated.json().path("autoRenew").asBoolean()).isFalse();
        var again = api.post(everything, path + "/resume", "");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().path("errors").get(0).path("field").asString()).isEqualTo("status");
        assertThat(jdbc.sql("select count(*) from audit_entry where subject_id = ? and actor_kind = 'API'")
                .param(UUID.fromString(service.path("id").asString())).query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void a_service_with_a_negative_price_another_currency_or_a_period_not_offered_is_refused() {
        String id = newAccount("USD");
        String services = "/api/v1/accounts/" + id + "/services";
        var negative = api.post(everything, services, """
                {"kind":"VPS","name":"Cheap","price":{"value":"-1.00","currency":"USD"},"period":"MONTH"}""");
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().path("errors").get(0).path("field").asString()).isEqualTo("price");
        var currency = api.post(everything, services, """
                {"kind":"VPS","name":"Euro","price":{"value":"10.00","currency":"EUR"},"period":"MONTH"}""");
        assertThat(currency.json().path("errors").get(0).path("field").asString()).isEqualTo("price.currency");
        var period = api.post(everything, services, """
                {"kind":"VPS","name":"Weekly","price":{"value":"10.00","currency":"USD"},"period":"WEEK"}""");
        assertThat(period.status()).isEqualTo(422);
        assertThat(period.json().path("errors").get(0).path("field").asString()).isEqualTo("period");
        assertThat(api.get(readOnly, services).json().path("items")).isEmpty();

        assertThat(api.post(readOnly, services, """
                {"kind":"VPS","name":"No scope","price":{"value":"10.00","currency":"USD"},"period":"MONTH"}""")
                .status()).isEqualTo(403);
        assertThat(api.post(everything, "/api/v1/services/" + UUID.randomUUID() + "/suspend", "").status())
                .isEqualTo(404);
        assertThat(api.post(everything, "/api/v1/accounts/" + UUID.randomUUID() + "/services", """
                {"kind":"VPS","name":"Nobody's","price":{"value":"10.00","currency":"USD"},"period":"MONTH"}""")
                .status()).isEqualTo(404);
    }

    @Test
    void payers_follow_the_payers_pages_rules_and_another_accounts_payer_is_not_found() {
        String id = newAccount("USD");
        String payers = "/api/v1/accounts/" + id + "/payers";
        var invalid = api.post(everything, payers, """
                {"type":"COMPANY","legalName":"Morgan Web LLC","address":"1 Main St","country":"US",
                 "invoiceEmail":"not-an-address"}""");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().path("errors").findValuesAsString("field")).contains("taxId", "invoiceEmail");
        var first = api.post(everything, payers, """
                {"type":"INDIVIDUAL","legalName":"Alex Morgan","address":"1 Main St","country":"US",
                 "invoiceEmail":"alex@example.com"}""");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("isDefault").asBoolean()).isTrue();
        String alex = first.json().path("id").asString();
        assertThat(api.post(everything, payers + "/" + alex + "/archive", "").status()).as("the only active payer")
                .isEqualTo(422);
        var second = api.post(everything, payers, """
                {"type":"INDIVIDUAL","legalName":"Sam Morgan","address":"1 Main St","country":"US",
                 "invoiceEmail":"sam@example.com"}""");
        String sam = second.json().path("id").asString();
        assertThat(second.json().path("isDefault").asBoolean()).isFalse();

        var noSuccessor = api.post(everything, payers + "/" + alex + "/archive", "");
        assertThat(noSuccessor.json().path("errors").get(0).path("field").asString()).isEqualTo("newDefault");
        var archived = api.post(everything, payers + "/" + alex + "/archive", "{\"newDefault\":\"" + sam + "\"}");
        assertThat(archived.status()).as(archived.body()).isEqualTo(200);
        assertThat(archived.json().path("archived").asBoolean()).isTrue();
        JsonNode listed = api.get(readOnly, payers).json().path("items");
        assertThat(listed.get(0).path("legalName").asString()).isEqualTo("Sam Morgan");
        assertThat(listed.get(0).path("isDefault").asBoolean()).isTrue();

        var renamed = api.patch(everything, payers + "/" + sam, """
                {"type":"INDIVIDUAL","legalName":"Samuel Morgan","address":"1 Main St","country":"US",
                 "invoiceEmail":"sam@example.com"}""");
        assertThat(renamed.json().path("legalName").asString()).isEqualTo("Samuel Morgan");
        String other = newAccount("USD");
        assertThat(api.patch(everything, "/api/v1/accounts/" + other + "/payers/" + sam, """
                {"type":"INDIVIDUAL","legalName":"Hijacked","address":"x","country":"US",
                 "invoiceEmail":"x@example.com"}""").status()).isEqualTo(404);
        assertThat(api.get(readOnly, payers).json().path("items").get(0).path("legalName").asString())
                .isEqualTo("Samuel Morgan");
    }

    @Test
    void the_same_idempotency_key_and_body_replays_the_first_response_and_changes_nothing_more() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Once only\",\"currency\":\"USD\",\"externalId\":\"once-" + key + "\"}";
        var first = api.post(everything, "/api/v1/accounts", body, key);
        var again = api.post(everything, "/api/v1/accounts", body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(accountsWithExternalId("once-" + key)).isEqualTo(1);

        clock.advance(Duration.ofHours(23));
        assertThat(api.post(everything, "/api/v1/accounts", body, key).body()).isEqualTo(first.body());
        assertThat(accountsWithExternalId("once-" + key)).isEqualTo(1);
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_refused_with_422() {
        String key = UUID.randomUUID().toString();
        String id = newAccount("USD");
        api.post(everything, "/api/v1/accounts/" + id + "/adjustments", adjustment("CREDIT", "10.00", "USD"), key);
        var other = api.post(everything, "/api/v1/accounts/" + id + "/adjustments",
                adjustment("CREDIT", "11.00", "USD"), key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().path("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(balance(id)).isEqualTo("10.00");
    }

    @Test
    void a_refused_request_gives_its_idempotency_key_back_for_the_corrected_request() {
        String key = UUID.randomUUID().toString();
        assertThat(api.post(everything, "/api/v1/accounts", "{\"name\":\"Fixed\",\"currency\":\"XXX\"}", key)
                .status()).isEqualTo(422);
        assertThat(api.post(everything, "/api/v1/accounts", "{\"name\":\"Fixed\",\"currency\":\"USD\"}", key)
                .status()).isEqualTo(201);
    }

    @Test
    void a_concurrent_pair_with_one_idempotency_key_posts_once() throws Exception {
        String id = newAccount("USD");
        String key = UUID.randomUUID().toString();
        String body = adjustment("CREDIT", "40.00", "USD");
        List<ApiHttp.Answer> answers = AtOnce.run(2, i -> api.post(everything,
                "/api/v1/accounts/" + id + "/adjustments", body, key));
        assertThat(answers).extracting(ApiHttp.Answer::status).containsAnyOf(201).allMatch(
                status -> status == 201 || status == 409);
        assertThat(balance(id)).isEqualTo("40.00");
        assertThat(jdbc.sql("select count(*) from balance_adjustment where account_id = ?")
                .param(UUID.fromString(id)).query(Integer.class).single()).isEqualTo(1);
        // Whichever answered 409 gets the first response once it is done.
        assertThat(api.post(everything, "/api/v1/accounts/" + id + "/adjustments", body, key).status())
                .isEqualTo(201);
        assertThat(balance(id)).isEqualTo("40.00");
    }

    @Test
    void an_unknown_field_is_refused_with_its_name_and_creates_nothing() {
        int before = accounts();
        var refused = api.post(everything, "/api/v1/accounts",
                "{\"name\":\"Typo\",\"currency\":\"USD\",\"extrnalId\":\"x\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("extrnalId");
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void a_wrong_currency_is_refused_for_an_account_and_for_an_adjustment() {
        int before = accounts();
        var account = api.post(everything, "/api/v1/accounts", "{\"name\":\"Wrong\",\"currency\":\"XYZ\"}");
        assertThat(account.status()).isEqualTo(422);
        assertThat(account.json().path("errors").get(0).path("field").asString()).isEqualTo("currency");
        assertThat(accounts()).isEqualTo(before);

        String id = newAccount("USD");
        var adjustment = api.post(everything, "/api/v1/accounts/" + id + "/adjustments",
                adjustment("CREDIT", "10.00", "EUR"));
        assertThat(adjustment.status()).isEqualTo(422);
        assertThat(adjustment.json().path("errors").get(0).path("field").asString()).isEqualTo("amount.currency");
        assertThat(balance(id)).isEqualTo("0.00");
    }

    @Test
    void a_negative_amount_and_a_debit_below_zero_are_refused_and_post_nothing() {
        String id = newAccount("USD");
        var negative = api.post(everything, "/api/v1/accounts/" + id + "/adjustments",
                adjustment("CREDIT", "-5.00", "USD"));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().path("errors").get(0).path("field").asString()).isEqualTo("amount");
        var belowZero = api.post(everything, "/api/v1/accounts/" + id + "/adjustments",
                adjustment("DEBIT", "5.00", "USD"));
        assertThat(belowZero.status()).isEqualTo(422);
        assertThat(balance(id)).isEqualTo("0.00");
    }

    @Test
    void an_unknown_or_malformed_account_id_is_not_found() {
        String nobody = UUID.randomUUID().toString();
        assertThat(api.get(readOnly, "/api/v1/accounts/" + nobody).status()).isEqualTo(404);
        assertThat(api.get(readOnly, "/api/v1/accounts/not-a-uuid").status()).isEqualTo(404);
        var adjustment = api.post(everything, "/api/v1/accounts/" + nobody + "/adjustments",
                adjustment("CREDIT", "1.00", "USD"));
        assertThat(adjustment.status()).isEqualTo(404);
        assertThat(adjustment.json().path("type").asString()).endsWith("/not-found");
        assertThat(api.patch(everything, "/api/v1/accounts/" + nobody, "{\"name\":\"x\"}").status()).isEqualTo(404);
    }

    @Test
    void no_key_an_unknown_key_and_a_revoked_key_are_401_and_a_missing_scope_is_403() {
        assertThat(api.get(null, "/api/v1/accounts").status()).isEqualTo(401);
        var unknown = api.get("bfk_test_" + "A".repeat(43), "/api/v1/accounts");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        int before = accounts();
        var forbidden = api.post(readOnly, "/api/v1/accounts", "{\"name\":\"No scope\",\"currency\":\"USD\"}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().path("type").asString()).endsWith("/missing-scope");
        assertThat(accounts()).isEqualTo(before);

        String admin = data.newStaffUser();
        TestData.signIn(admin, List.of(StaffRole.ADMIN));
        keys.revoke(everythingKey.key().id());
        TestData.signOut();
        var revoked = api.get(everything, "/api/v1/accounts");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().path("detail").asString()).contains("revoked");
    }

    @Test
    void an_oversized_body_is_refused_unread_with_413() {
        int before = accounts();
        String huge = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"currency\":\"USD\"}";
        assertThat(api.post(everything, "/api/v1/accounts", huge).status()).isEqualTo(413);
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void a_client_over_its_rate_limit_gets_429_with_retry_after() throws Exception {
        // The client's allowance is used up (its limiter state put two periods ahead), as after a burst.
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                ("key:" + everythingKey.key().id().value()).getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("insert into rate_limit_state (limit_name, key_hash, next_at, strikes) values (?, ?, ?, 0)")
                .params(ApiGate.RATE_LIMIT, hash, clock.instant().plus(Duration.ofMinutes(2)).atOffset(ZoneOffset.UTC))
                .update();
        int before = accounts();
        var limited = api.post(everything, "/api/v1/accounts", "{\"name\":\"Too many\",\"currency\":\"USD\"}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(accounts()).isEqualTo(before);
        assertThat(api.get(readOnly, "/api/v1/accounts").status()).as("another key is not limited").isEqualTo(200);
    }

    @Test
    void the_last_use_of_a_key_is_recorded() {
        assertThat(api.get(readOnly, "/api/v1/accounts").status()).isEqualTo(200);
        assertThat(used(everythingKey)).isFalse();
        api.get(everything, "/api/v1/accounts");
        assertThat(used(everythingKey)).isTrue();
    }

    private boolean used(CreatedApiKey key) {
        return jdbc.sql("select last_used_at from api_key where id = ?").param(key.key().id().value())
                .query((rs, n) -> rs.getObject(1) != null).single();
    }

    private String newAccount(String currency) {
        var created = api.post(everything, "/api/v1/accounts", "{\"name\":\"Account\",\"currency\":\"" + currency
                + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static String adjustment(String direction, String value, String currency) {
        return """
                {"direction":"%s","amount":{"value":"%s","currency":"%s"},"reason":"GOODWILL","note":"Outage"}"""
                .formatted(direction, value, currency);
    }

    private String balance(String accountId) {
        return api.get(readOnly, "/api/v1/accounts/" + accountId + "/balance").json().path("balance").path("value")
                .asString();
    }

    private int accounts() {
        return jdbc.sql("select count(*) from account").query(Integer.class).single();
    }

    private int accountsWithExternalId(String externalId) {
        return jdbc.sql("select count(*) from account where external_id = ?").param(externalId).query(Integer.class)
                .single();
    }
}
