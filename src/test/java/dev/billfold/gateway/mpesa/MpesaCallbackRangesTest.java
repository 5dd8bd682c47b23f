package dev.billfold.gateway.mpesa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import dev.billfold.SignedIn;
import dev.billfold.TestData.Customer;
import dev.billfold.gateway.WithLocalProviders;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With address ranges configured, a callback from elsewhere is refused even with the right token (DD-089). */
@WithLocalProviders
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "billfold.gateway.mpesa.callback-allowed-ips=196.201.214.0/24, 2001:db8::/32")
class MpesaCallbackRangesTest {

    static final DarajaFake DARAJA = DarajaFake.shared();

    @Autowired
    TopUpService topUps;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @SignedIn(currency = "KES")
    Customer customer;

    @Test
    void a_callback_from_outside_the_ranges_is_refused_and_changes_nothing() throws Exception {
        DARAJA.reset();
        String checkoutRequestId = "ws_CO_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        DARAJA.acceptsPush(checkoutRequestId);
        DARAJA.queryAnswers(checkoutRequestId, "0");
        PaymentId payment = topUps.topUp(new TopUpRequest(customer.person(), "150000",
                new MethodChoice.Phone("mpesa", "0712345678"), false, UUID.randomUUID().toString())).paymentId();

        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + DARAJA.lastCallbackPath())).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MpesaGatewayContract.callbackBody(checkoutRequestId, 0)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(DARAJA.queries(checkoutRequestId)).isEmpty();
        assertThat(jdbc.sql("select status from payment where id = ?").param(payment.value()).query(String.class)
                .single()).isEqualTo("WAITING_FOR_PAYMENT");
    }
}
