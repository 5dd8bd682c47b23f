package dev.billfold.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OAuth2 client-credentials tokens as the alternative to API keys (DD-073), from a real token server
 * (mock-oauth2-server): the configured issuer and audience are required, the scopes come from the claim, and the
 * client id is the actor in the audit trail. API keys keep working beside them.
 */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiOAuth2ClientTest {

    static final MockOAuth2Server idp = new MockOAuth2Server();
    static final String AUDIENCE = "billfold-api";
    static final String DEMO_KEY = "bfk_test_demoHr0op4T2abnEn5VJzBcKc7pbL72nazTFmWZnRD8";

    static {
        idp.start();
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry properties) {
        properties.add("billfold.api.oauth2.issuer-uri", () -> idp.issuerUrl("provider").toString());
        properties.add("billfold.api.oauth2.audience", () -> AUDIENCE);
    }

    @AfterAll
    static void stop() {
        idp.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_token_with_the_scope_creates_an_account_audited_with_the_client_id() {
        String client = "provisioning-" + UUID.randomUUID();
        String token = token("provider", AUDIENCE, client, "read accounts:write");
        var created = new ApiHttp(port).post(token, "/api/v1/accounts", "{\"name\":\"By token\",\"currency\":\"USD\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var audit = jdbc.sql("select actor_kind, actor_name from audit_entry where account_id = ?")
                .param(UUID.fromString(created.json().path("id").asString())).query().singleRow();
        assertThat(audit).containsEntry("actor_kind", "API").containsEntry("actor_name", client);
        assertThat(new ApiHttp(port).get(token, "/api/v1/accounts/" + created.json().path("id").asString())
                .status()).isEqualTo(200);
    }

    @Test
    void a_token_without_the_scope_is_403_and_changes_nothing() {
        int before = accounts();
        var refused = new ApiHttp(port).post(token("provider", AUDIENCE, "reader", "read"), "/api/v1/accounts",
                "{\"name\":\"No scope\",\"currency\":\"USD\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void a_token_for_another_audience_or_from_another_issuer_is_401() {
        assertThat(new ApiHttp(port).get(token("provider", "someone-else", "c", "read"), "/api/v1/accounts")
                .status()).isEqualTo(401);
        var foreign = new ApiHttp(port).get(token("elsewhere", AUDIENCE, "c", "read"), "/api/v1/accounts");
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
    }

    @Test
    void api_keys_work_beside_tokens() {
        assertThat(new ApiHttp(port).get(DEMO_KEY, "/api/v1/accounts").status()).isEqualTo(200);
    }

    private static String token(String issuer, String audience, String clientId, String scope) {
        return idp.issueToken(issuer, clientId, audience, Map.of("scope", scope, "client_id", clientId)).serialize();
    }

    private int accounts() {
        return jdbc.sql("select count(*) from account").query(Integer.class).single();
    }
}
