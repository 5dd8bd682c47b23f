package dev.billfold.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import dev.billfold.SignedIn;
import dev.billfold.TestData.Customer;
import dev.billfold.gateway.WithLocalProviders;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.TopUpOutcome;
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

/** The demo provider's checkout page speaks the browser's language, as a provider's page would (issue 21). */
@WithLocalProviders
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoCheckoutLanguageTest {

    @LocalServerPort
    int port;
    @Autowired
    TopUpService topUps;
    @SignedIn
    Customer customer;

    @Test
    void the_checkout_page_follows_accept_language_and_falls_back_to_english() throws Exception {
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), "100",
                new MethodChoice.Checkout("demo"), false, UUID.randomUUID().toString()));
        URI checkout = URI.create("http://localhost:" + port).resolve(URI.create(redirect.url()).getPath());

        String kazakh = get(checkout, "kk-KZ,kk;q=0.9,ru;q=0.8");
        assertThat(kazakh).contains("<html lang=\"kk\">", "Тест картасы", "100,00&nbsp;$ төлеу",
                "қорғалған төлем").doesNotContain("Test card");

        String russianSecond = get(checkout, "de-DE,ru;q=0.7");
        assertThat(russianSecond).contains("<html lang=\"ru\">", "Оплатить 100,00&nbsp;$", "Плательщик");

        String german = get(checkout, "de-DE");
        assertThat(german).contains("<html lang=\"en\">", "Test card", "Pay $100.00", "Cancel and return");
    }

    private static String get(URI uri, String acceptLanguage) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Accept-Language", acceptLanguage).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }
}
