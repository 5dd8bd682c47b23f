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
                var arguments = new java.util.ArrayList<>(IdentityProvider.get().appArguments());
                arguments.addAll(Mailbox.get().appArguments());
                // ${server.port} resolves to the port ProductionServer picks, so PayPal's return URLs reach this app.
                arguments.addAll(payPal.appArguments("http://localhost:${server.port}"));
                // Webhooks to the journey's receiver on loopback (WebhooksE2E): allowed here only (DD-076).
                arguments.addAll(List.of("--billfold.webhooks.require-https=false",
                        "--billfold.webhooks.allow-private-targets=true"));
                running = new ProductionApp(ProductionServer.start("e2e", List.of(), arguments));
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

    String managementUrl() {
        return server.managementUrl();
    }

    static java.nio.file.Path projectDir() {
        return ProductionServer.projectDir();
    }

    /** Forgets every user's active-payer choice, so that a test that switched leaves the default for the next one. */
    void forgetActivePayerChoices() {
        try (Connection connection = server.database();
             PreparedStatement delete = connection.prepareStatement("delete from active_payer")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reset the active payers", e);
        }
    }

    /**
     * Provisions a user known by their OIDC identity as a member of an account, the way an operator (or an accepted
     * invitation) links them before their first sign-in.
     */
    void provisionOidcMember(String issuer, String subject, UUID accountId, String role) {
        UUID user = UUID.randomUUID();
        try (Connection connection = server.database();
             PreparedStatement insertUser = connection.prepareStatement("insert into app_user (id, username, display_name, "
                     + "email, oidc_issuer, oidc_subject, version) values (?, null, 'Invited', null, ?, ?, 0)");
             PreparedStatement insertMember = connection.prepareStatement(
                     "insert into account_member (account_id, user_id, role) values (?, ?, ?)")) {
            insertUser.setObject(1, user);
            insertUser.setString(2, issuer);
            insertUser.setString(3, subject);
            insertUser.executeUpdate();
            insertMember.setObject(1, accountId);
            insertMember.setObject(2, user);
            insertMember.setString(3, role);
            insertMember.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not provision the OIDC user", e);
        }
    }

    /** Takes the OIDC user out of the account again, so that the journeys after theirs find its members as before. */
    void removeOidcMember(String issuer, String subject, UUID accountId) {
        try (Connection connection = server.database();
             PreparedStatement delete = connection.prepareStatement("delete from account_member where account_id = ? "
                     + "and user_id in (select id from app_user where oidc_issuer = ? and oidc_subject = ?)")) {
            delete.setObject(1, accountId);
            delete.setString(2, issuer);
            delete.setString(3, subject);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove the OIDC member", e);
        }
    }

    /** The OIDC user's role in the account, or "" if they are no member. */
    String oidcMemberRole(String issuer, String subject, UUID accountId) {
        try (Connection connection = server.database();
             PreparedStatement query = connection.prepareStatement("select m.role from account_member m join app_user u "
                     + "on u.id = m.user_id where m.account_id = ? and u.oidc_issuer = ? and u.oidc_subject = ?")) {
            query.setObject(1, accountId);
            query.setString(2, issuer);
            query.setString(3, subject);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : "";
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the OIDC member", e);
        }
    }

    /** The user's name and email as stored, by OIDC identity; "" if there is no such user. */
    String oidcUserNameAndEmail(String issuer, String subject) {
        try (Connection connection = server.database();
             PreparedStatement query = connection.prepareStatement(
                     "select display_name, email from app_user where oidc_issuer = ? and oidc_subject = ?")) {
            query.setString(1, issuer);
            query.setString(2, subject);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) + " <" + rows.getString(2) + ">" : "";
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the OIDC user", e);
        }
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

    /**
     * Moves the account's newest quote 16 minutes into the past, so that a price still shown in a browser has expired
     * when it is confirmed (its lock is 15 minutes). Both times move: a quote expires after it was made.
     */
    void expireNewestQuote(UUID accountId) {
        try (Connection connection = server.database();
             PreparedStatement update = connection.prepareStatement("update payment_quote set created_at = created_at "
                     + "- interval '16 minutes', expires_at = expires_at - interval '16 minutes' where id = (select id "
                     + "from payment_quote where account_id = ? order by created_at desc limit 1)")) {
            update.setObject(1, accountId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("The account has no quote to expire");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not expire the quote", e);
        }
    }

    /**
     * Stores English as the user's language, as the header's switcher would: a journey in another language leaves the
     * demo user speaking English for the journeys after it, whose assertions are English.
     */
    void speakEnglishTo(String username) {
        try (Connection connection = server.database();
             PreparedStatement update = connection.prepareStatement("update user_language set language = 'en' "
                     + "where user_id = (select id from app_user where username = ?)")) {
            update.setString(1, username);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the user's language back to English", e);
        }
    }

    /** Switches every webhook endpoint off, so that a journey's receiver gets nothing after it closed. */
    void switchWebhooksOff() {
        try (Connection connection = server.database();
             PreparedStatement update = connection.prepareStatement("update webhook_endpoint set enabled = false")) {
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not switch the webhook endpoints off", e);
        }
    }
}
