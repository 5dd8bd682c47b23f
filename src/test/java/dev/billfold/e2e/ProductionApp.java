package dev.billfold.e2e;

import dev.billfold.gateway.paypal.PayPalFake;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The one {@link ProductionServer} that the browser tests share: started on first use, stopped when the test JVM
 * ends. A failed start is remembered, so later classes fail fast instead of building and starting again.
 */
final class ProductionApp {

    static final String INVOICE_RECIPIENT_NAME = ProductionServer.INVOICE_RECIPIENT_NAME;
    static final List<String> INVOICE_BANK_DETAILS_LINES = ProductionServer.INVOICE_BANK_DETAILS_LINES;

    /** The app's PayPal: switched on and pointed at this local fake, so the PayPal journey runs in the browser too. */
    private static PayPalFake payPal;
    private static ProductionApp running;
    private static RuntimeException startFailure;

    private final ProductionServer server;

    private ProductionApp(ProductionServer server) {
        this.server = server;
    }

    static synchronized ProductionApp get() {
        if (startFailure != null) {
            throw new IllegalStateException("The production app did not start earlier in this JVM; see the first failure",
                    startFailure);
        }
        if (running == null) {
            try {
                payPal = new PayPalFake();
                // ${server.port} resolves to the port ProductionServer picks, so PayPal's return URLs reach this app.
                running = new ProductionApp(ProductionServer.start("e2e", List.of(),
                        payPal.appArguments("http://localhost:${server.port}")));
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(ProductionApp::stopRunning, "billfold-e2e-stop"));
        }
        return running;
    }

    static synchronized void stopRunning() {
        if (running != null) {
            running.server.close();
            running = null;
        }
        if (payPal != null) {
            payPal.stop();
            payPal = null;
        }
    }

    PayPalFake payPal() {
        return payPal;
    }

    String baseUrl() {
        return server.baseUrl();
    }

    static java.nio.file.Path projectDir() {
        return ProductionServer.projectDir();
    }

    /** Payment rows of one account, read straight from the app's database. */
    int paymentCount(UUID accountId) {
        try (Connection connection = server.database();
             PreparedStatement query = connection.prepareStatement("select count(*) from payment where account_id = ?")) {
            query.setObject(1, accountId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count payments", e);
        }
    }
}
