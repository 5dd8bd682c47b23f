package dev.billfold.gateway.mpesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.billfold.AtOnce;
import dev.billfold.MutableClock;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.gateway.KenyanPhone;
import dev.billfold.gateway.PhonePayments;
import dev.billfold.gateway.WithLocalProviders;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.MethodOption;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.payment.WaitingPaymentPoller;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * M-Pesa end to end below the browser: the top-up service pushes through the real adapter to the local Daraja
 * ({@link DarajaFake}), callbacks arrive over real HTTP at our endpoint, and the poller asks the query. Every outcome
 * is credited or rejected only from the query's answer, exactly once. Real databases: see the two subclasses.
 */
@WithLocalProviders
abstract class MpesaGatewayContract {

    static final DarajaFake DARAJA = DarajaFake.shared();
    static final String PHONE = "0712 345 678";

    @Autowired
    TopUpService topUps;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    WaitingPaymentPoller poller;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    @SignedIn(currency = "KES")
    Customer customer;
    String checkoutRequestId;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        DARAJA.reset();
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        // Checkouts other test classes left waiting are moved out of the way of this class's poller cycles.
        jdbc.sql("update payment set status = 'REJECTED' where status = 'WAITING_FOR_PAYMENT' and method_kind = 'CHECKOUT'")
                .update();
        checkoutRequestId = "ws_CO_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        DARAJA.acceptsPush(checkoutRequestId);
    }

    // --- the push ---

    @Test
    void m_pesa_is_offered_to_a_kes_account_with_a_phone_number_field() {
        List<MethodOption> options = topUps.methodsFor(customer.person());

        assertThat(options).extracting(MethodOption::choice).contains(new MethodChoice.Phone("mpesa", ""));
        assertThat(options).extracting(MethodOption::choice).doesNotContain(new MethodChoice.Checkout("mpesa"));
    }

    @Test
    void the_push_carries_darajas_fields_and_the_page_waits_for_the_phone() throws Exception {
        TopUpOutcome outcome = pay("150000");

        assertThat(outcome).isInstanceOf(TopUpOutcome.WaitingForPhone.class);
        assertThat(((TopUpOutcome.WaitingForPhone) outcome).message()).isEqualTo(PhonePayments.CHECK_YOUR_PHONE);
        assertThat(statusOf(outcome.paymentId())).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(referenceOf(outcome.paymentId())).isEqualTo(checkoutRequestId);
        JsonNode push = json.readTree(DARAJA.pushes().getFirst().getBodyAsString());
        String timestamp = push.path("Timestamp").asString();
        assertThat(push.path("BusinessShortCode").asString()).isEqualTo(DarajaFake.SHORTCODE);
        assertThat(timestamp).isEqualTo(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .format(ZonedDateTime.ofInstant(clock.instant(), DarajaClient.EAT)));
        assertThat(new String(Base64.getDecoder().decode(push.path("Password").asString()), StandardCharsets.UTF_8))
                .isEqualTo(DarajaFake.SHORTCODE + DarajaFake.PASSKEY + timestamp);
        assertThat(push.path("TransactionType").asString()).isEqualTo("CustomerPayBillOnline");
        assertThat(push.path("Amount").asLong()).isEqualTo(150000);
        assertThat(push.path("PartyA").asString()).isEqualTo("254712345678");
        assertThat(push.path("PartyB").asString()).isEqualTo(DarajaFake.SHORTCODE);
        assertThat(push.path("PhoneNumber").asString()).isEqualTo("254712345678");
        assertThat(push.path("AccountReference").asString()).isEqualTo(accountNumber()).hasSizeLessThanOrEqualTo(12);
        assertThat(push.path("CallBackURL").asString()).startsWith("https://billing.example.com/webhooks/mpesa/");
        assertThat(DARAJA.pushes().getFirst().getHeader("Authorization")).isEqualTo("Bearer " + DarajaFake.TOKEN);
        // Only the token's hash is kept.
        String token = DARAJA.lastCallbackPath().substring(MpesaGateway.CALLBACK_PATH.length());
        assertThat(jdbc.sql("select callback_token_hash from mpesa_push where checkout_request_id = ?")
                .param(checkoutRequestId).query(String.class).single()).isEqualTo(MpesaGateway.hash(token))
                .isNotEqualTo(token);
    }

    @Test
    void the_token_is_fetched_once_with_basic_auth_and_reused_until_it_expires() {
        // Past whatever token an earlier test left cached.
        clock.advance(Duration.ofHours(2));
        pay("150000");
        DARAJA.acceptsPush(checkoutRequestId + "b");
        pay("150000", data.newCustomer("KES"));

        assertThat(DARAJA.tokenRequests()).hasSize(1);
        assertThat(DARAJA.tokenRequests().getFirst().getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((DarajaFake.CONSUMER_KEY + ":" + DarajaFake.CONSUMER_SECRET).getBytes()));
        clock.advance(Duration.ofMinutes(59));
        DARAJA.acceptsPush(checkoutRequestId + "c");
        pay("150000", data.newCustomer("KES"));
        assertThat(DARAJA.tokenRequests()).hasSize(2);
    }

    @Test
    void a_repeated_submit_never_pushes_twice_even_at_once() throws Exception {
        String requestKey = UUID.randomUUID().toString();

        List<TopUpOutcome> outcomes = AtOnce.signedIn(customer.username(), 4, i -> topUps.topUp(request("150000",
                PHONE, requestKey)));

        assertThat(outcomes).extracting(TopUpOutcome::paymentId).containsOnly(outcomes.getFirst().paymentId());
        assertThat(DARAJA.pushes()).hasSize(1);
        assertThat(data.payments(customer.accountId())).isEqualTo(1);
    }

    @Test
    void bad_phone_numbers_and_amounts_are_refused_and_create_nothing() {
        for (String phone : List.of("", "12345", "0812345678", "+255712345678", "07123456789", "abc")) {
            assertThatThrownBy(() -> topUps.topUp(request("150000", phone, UUID.randomUUID().toString())))
                    .as(phone).isInstanceOf(InvalidRequestException.class).hasMessage(KenyanPhone.INVALID)
                    .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("phone");
        }
        assertThatThrownBy(() -> pay("149999")).hasMessage("That amount cannot be paid with M-Pesa. M-Pesa payments "
                + "are between KES 150,000.00 and KES 250,000.00.");
        assertThatThrownBy(() -> pay("250001")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> pay("150000.50")).hasMessageStartingWith("M-Pesa takes whole shillings only.");

        assertThat(data.payments(customer.accountId())).isZero();
        assertThat(DARAJA.pushes()).isEmpty();
    }

    @Test
    void the_daily_maximum_counts_what_was_paid_with_m_pesa_today() {
        pay("150000");
        DARAJA.acceptsPush(checkoutRequestId + "b");

        assertThatThrownBy(() -> pay("150000")).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("M-Pesa payments are limited to");
        assertThat(data.payments(customer.accountId())).isEqualTo(1);
        assertThat(DARAJA.pushes()).hasSize(1);
    }

    @Test
    void a_push_daraja_refuses_rejects_the_payment_and_credits_nothing() {
        DARAJA.pushAnswers(DarajaFake.json(400, """
                {"requestId":"11728-2929992-1","errorCode":"400.002.02","errorMessage":"Bad Request - Invalid PhoneNumber"}"""));

        TopUpOutcome outcome = pay("150000");

        assertThat(outcome).isInstanceOf(TopUpOutcome.Completed.class);
        assertThat(statusOf(outcome.paymentId())).isEqualTo("REJECTED");
        assertThat(reasonOf(outcome.paymentId())).startsWith("M-Pesa could not send the request to your phone.");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    // --- outcomes: callback and query ---

    @Test
    void a_success_is_credited_once_the_query_confirms_it_with_the_receipt_number() throws Exception {
        PaymentId payment = pay("150000").paymentId();
        DARAJA.queryAnswers(checkoutRequestId, "0");

        HttpResponse<String> response = callback(DARAJA.lastCallbackPath(), callbackBody(checkoutRequestId, 0));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(MpesaCallbackController.ACCEPTED);
        assertThat(statusOf(payment)).isEqualTo("CREDITED");
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("150000");
        assertThat(calls("checkoutResult", "ok")).as("the callback's query is measured").isPositive();
        assertThat(jdbc.sql("select receipt_number from mpesa_push where checkout_request_id = ?")
                .param(checkoutRequestId).query(String.class).single()).isEqualTo("NLJ7RT61SV");
    }

    @Test
    void a_callback_is_never_trusted_alone_the_query_decides() throws Exception {
        PaymentId payment = pay("150000").paymentId();

        // The callback says paid; the query still says processing: nothing is credited.
        callback(DARAJA.lastCallbackPath(), callbackBody(checkoutRequestId, 0));
        assertThat(statusOf(payment)).isEqualTo("WAITING_FOR_PAYMENT");

        // The callback says paid; the query says cancelled: rejected.
        DARAJA.queryAnswers(checkoutRequestId, "1032");
        callback(DARAJA.lastCallbackPath(), callbackBody(checkoutRequestId, 0));
        assertThat(statusOf(payment)).isEqualTo("REJECTED");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        assertThat(DARAJA.queries(checkoutRequestId)).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1    | Your M-Pesa balance was not enough for this payment. Nothing was charged.",
            "1032 | You cancelled the M-Pesa request on your phone. Nothing was charged.",
            "1037 | Your phone could not be reached. Make sure it is on and has signal, then try again. Nothing was charged.",
            "2001 | The M-Pesa PIN entered was wrong. Nothing was charged; try again.",
            "1019 | The M-Pesa request expired before it was approved on your phone. Nothing was charged; try again.",
            "1025 | M-Pesa did not complete the payment (result code 1025). Nothing was charged."})
    void each_failure_code_rejects_the_payment_with_its_words(String code, String words) throws Exception {
        PaymentId payment = pay("150000").paymentId();
        DARAJA.queryAnswers(checkoutRequestId, code);

        callback(DARAJA.lastCallbackPath(), callbackBody(checkoutRequestId, Integer.parseInt(code)));

        assertThat(statusOf(payment)).isEqualTo("REJECTED");
        assertThat(reasonOf(payment)).isEqualTo(words);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void a_forged_callback_is_404_and_changes_nothing() throws Exception {
        PaymentId payment = pay("150000").paymentId();
        DARAJA.queryAnswers(checkoutRequestId, "0");

        HttpResponse<String> forged = callback(MpesaGateway.CALLBACK_PATH + "not-the-token",
                callbackBody(checkoutRequestId, 0));
        HttpResponse<String> guessed = callback(MpesaGateway.CALLBACK_PATH + DARAJA.lastCallbackPath()
                .substring(MpesaGateway.CALLBACK_PATH.length()).replaceAll(".$", "x"), callbackBody(checkoutRequestId, 0));

        assertThat(List.of(forged.statusCode(), guessed.statusCode())).containsOnly(404);
        assertThat(statusOf(payment)).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(DARAJA.queries(checkoutRequestId)).isEmpty();
    }

    @Test
    void an_oversized_callback_is_refused_unread() throws Exception {
        PaymentId payment = pay("150000").paymentId();
        DARAJA.queryAnswers(checkoutRequestId, "0");

        HttpResponse<String> response = callback(DARAJA.lastCallbackPath(),
                callbackBody(checkoutRequestId, 0).replace("}}}}", "}}," + "\"pad\":\"" + "x".repeat(20_000) + "\"}}"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(statusOf(payment)).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(DARAJA.queries(checkoutRequestId)).isEmpty();
    }

    @Test
    void duplicate_callbacks_racing_the_poller_credit_exactly_once() throws Exception {
        PaymentId payment = pay("150000").paymentId();
        DARAJA.queryAnswers(checkoutRequestId, "0");
        String path = DARAJA.lastCallbackPath();

        List<Integer> answers = AtOnce.run(9, i -> {
            if (i == 0) {
                poller.runCycle();
                return 200;
            }
            return callback(path, callbackBody(checkoutRequestId, 0)).statusCode();
        });

        assertThat(answers).containsOnly(200);
        assertThat(statusOf(payment)).isEqualTo("CREDITED");
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("150000");
    }

    @Test
    void the_poller_confirms_a_push_whose_callback_never_came_and_a_late_callback_changes_nothing() throws Exception {
        PaymentId payment = pay("150000").paymentId();
        poller.runCycle();
        assertThat(statusOf(payment)).as("still processing").isEqualTo("WAITING_FOR_PAYMENT");

        DARAJA.queryAnswers(checkoutRequestId, "0");
        clock.advance(Duration.ofMinutes(10));
        poller.runCycle();
        assertThat(statusOf(payment)).isEqualTo("CREDITED");

        callback(DARAJA.lastCallbackPath(), callbackBody(checkoutRequestId, 0));
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
    }

    @Test
    void a_query_without_an_answer_leaves_the_payment_waiting_for_the_next_question() throws Exception {
        PaymentId payment = pay("150000").paymentId();
        DARAJA.queryAnswers(checkoutRequestId, DarajaFake.json(503, "Service Unavailable"));

        callback(DARAJA.lastCallbackPath(), callbackBody(checkoutRequestId, 0));
        assertThat(statusOf(payment)).isEqualTo("WAITING_FOR_PAYMENT");

        DARAJA.queryAnswers(checkoutRequestId, "0");
        clock.advance(Duration.ofMinutes(10));
        poller.runCycle();
        assertThat(statusOf(payment)).isEqualTo("CREDITED");
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
    }

    @Test
    void a_push_whose_answer_was_lost_is_named_by_its_callback_and_confirmed_by_the_query() throws Exception {
        long unknownBefore = calls("pushToPhone", "unknown");
        DARAJA.pushAnswers(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER));
        TopUpOutcome outcome = pay("150000");
        assertThat(outcome).isInstanceOf(TopUpOutcome.WaitingForPhone.class);
        assertThat(referenceOf(outcome.paymentId())).isNull();
        assertThat(calls("pushToPhone", "unknown")).isEqualTo(unknownBefore + 1);
        DARAJA.queryAnswers(checkoutRequestId, "0");

        callback(DARAJA.lastCallbackPath(), callbackBody(checkoutRequestId, 0));

        assertThat(statusOf(outcome.paymentId())).isEqualTo("CREDITED");
        assertThat(referenceOf(outcome.paymentId())).isEqualTo(checkoutRequestId);
        assertThat(DARAJA.pushes()).hasSize(1);
    }

    @Test
    void a_push_nobody_answered_is_deleted_after_the_payment_expiry_once_the_query_says_not_paid() {
        PaymentId payment = pay("150000").paymentId();

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        poller.runCycle();

        assertThat(statusOf(payment)).isEqualTo("DELETED");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    // --- helpers ---

    long calls(String operation, String outcome) {
        var timer = meters.find("billfold.provider.calls").tags("provider", "mpesa", "operation", operation,
                "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    TopUpOutcome pay(String amount) {
        return topUps.topUp(request(amount, PHONE, UUID.randomUUID().toString()));
    }

    TopUpOutcome pay(String amount, Customer other) {
        TestData.signIn(other.username());
        try {
            return topUps.topUp(new TopUpRequest(other.person(), amount, new MethodChoice.Phone("mpesa", PHONE),
                    false, UUID.randomUUID().toString()));
        } finally {
            TestData.signIn(customer.username());
        }
    }

    TopUpRequest request(String amount, String phone, String requestKey) {
        return new TopUpRequest(customer.person(), amount, new MethodChoice.Phone("mpesa", phone), false, requestKey);
    }

    HttpResponse<String> callback(String path, String body) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Shaped like Safaricom's documented callback. */
    static String callbackBody(String checkoutRequestId, int resultCode) {
        String metadata = resultCode != 0 ? "" : """
                ,"CallbackMetadata":{"Item":[{"Name":"Amount","Value":150000.00},
                {"Name":"MpesaReceiptNumber","Value":"NLJ7RT61SV"},{"Name":"TransactionDate","Value":20191219102115},
                {"Name":"PhoneNumber","Value":254712345678}]}""";
        return """
                {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"%s",
                "ResultCode":%d,"ResultDesc":"Result %d"%s}}}""".formatted(checkoutRequestId, resultCode, resultCode,
                metadata);
    }

    String accountNumber() {
        return jdbc.sql("select account_number from account where id = ?").param(customer.accountId().value())
                .query(String.class).single();
    }

    String statusOf(PaymentId id) {
        return jdbc.sql("select status from payment where id = ?").param(id.value()).query(String.class).single();
    }

    String reasonOf(PaymentId id) {
        return jdbc.sql("select status_reason from payment where id = ?").param(id.value()).query(String.class)
                .single();
    }

    String referenceOf(PaymentId id) {
        return jdbc.sql("select provider_reference from payment where id = ?").param(id.value()).query(String.class)
                .optional().orElse(null);
    }
}
