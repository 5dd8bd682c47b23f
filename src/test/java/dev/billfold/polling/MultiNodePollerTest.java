package dev.billfold.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.Money;
import dev.billfold.gateway.ScriptedGateway;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.payment.WaitingPaymentPoller;
import dev.billfold.paymentmethod.PendingMethodPoller;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application contexts (two nodes, two connection pools) on one PostgreSQL run their pollers at the same time
 * over 1,000 pending methods, 1,000 waiting checkouts and 500 saved-method charges whose answer was lost, against a
 * provider that answers after a random delay (so in random order). Every item is asked about (every lost charge
 * re-sent) exactly once in the cycle, every paid payment has exactly one credit, and every payer ends with at most one
 * default method.
 */
class MultiNodePollerTest {

    static final int ITEMS = 1_000;
    static final int CUSTOMERS = 20;
    static final int CHARGES = 500;

    static Nodes nodes;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoNodes() {
        nodes = new Nodes();
        a = nodes.start();
        b = nodes.start();
    }

    @AfterAll
    static void stop() {
        nodes.close();
    }

    @Test
    void two_nodes_ask_about_each_item_and_re_send_each_lost_charge_once_per_cycle_and_credit_each_paid_payment_exactly_once() throws Exception {
        ScriptedGateway provider = ScriptedGateway.SHARED;
        provider.reset();
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        TestData data = new TestData(jdbc);
        PollerFixtures rows = new PollerFixtures(jdbc);
        Random random = new Random(42);
        Instant created = Instant.now();

        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(data.newCustomer("USD"));
        }
        Map<String, UUID> methods = new HashMap<>();
        Map<String, String> methodOutcome = new HashMap<>();
        Map<String, UUID> payments = new HashMap<>();
        Map<String, String> paymentOutcome = new HashMap<>();
        for (int i = 0; i < ITEMS; i++) {
            Customer customer = customers.get(i % CUSTOMERS);
            String setup = "seti_multi_" + i + "_" + UUID.randomUUID();
            methods.put(setup, rows.pendingMethod(customer, customer.person(), ScriptedGateway.ID, setup, created));
            String outcome = switch (random.nextInt(3)) {
                case 0 -> "CONFIRMED";
                case 1 -> "FAILED";
                default -> "PENDING";
            };
            methodOutcome.put(setup, outcome);
            if (outcome.equals("CONFIRMED")) {
                provider.confirmSetup(setup, "pm_multi_" + UUID.randomUUID());
            } else if (outcome.equals("FAILED")) {
                provider.reject(setup, "Declined by the issuer.");
            }

            String checkout = "cs_multi_" + i + "_" + UUID.randomUUID();
            String amount = (10 + i % 90) + ".00";
            payments.put(checkout, rows.waitingPayment(customer, "CHECKOUT", ScriptedGateway.ID, checkout, amount, created));
            String paid = switch (random.nextInt(3)) {
                case 0 -> "CREDITED";
                case 1 -> "REJECTED";
                default -> "WAITING_FOR_PAYMENT";
            };
            paymentOutcome.put(checkout, paid);
            if (paid.equals("CREDITED")) {
                provider.pay(checkout, Money.of(new BigDecimal(amount), Currency.getInstance("USD")));
            } else if (paid.equals("REJECTED")) {
                provider.reject(checkout, "Your card was declined.");
            }
        }
        Map<String, UUID> charges = new HashMap<>();
        Map<String, String> chargeOutcome = new HashMap<>();
        Map<Customer, UUID> cards = new HashMap<>();
        for (Customer customer : customers) {
            cards.put(customer, rows.confirmedMethod(customer, ScriptedGateway.ID, "pm_multi_card_" + UUID.randomUUID()));
        }
        Instant charged = created.minus(Duration.ofMinutes(10));
        for (int i = 0; i < CHARGES; i++) {
            Customer customer = customers.get(i % CUSTOMERS);
            String amount = (5 + i % 50) + ".00";
            UUID payment = rows.waitingCharge(customer, ScriptedGateway.ID, cards.get(customer), "pm_tok_" + i, null,
                    amount, charged, "Balance top-up");
            String key = "poller:" + payment;
            charges.put(key, payment);
            String outcome = switch (random.nextInt(3)) {
                case 0 -> "CREDITED";
                case 1 -> "REJECTED";
                default -> "WAITING_FOR_PAYMENT";
            };
            chargeOutcome.put(key, outcome);
            if (outcome.equals("CREDITED")) {
                provider.chargePaid(key, "ch_multi_" + i, Money.of(new BigDecimal(amount), Currency.getInstance("USD")));
            } else if (outcome.equals("REJECTED")) {
                provider.chargeDeclined(key, "ch_multi_" + i, "Your card was declined.");
            }
        }
        provider.latency(Duration.ofMillis(3), true);

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        // A thread per poller: the common pool has a single worker on a 2-core machine and would run them one by one.
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (ConfigurableApplicationContext node : List.of(a, b)) {
                running.add(CompletableFuture.runAsync(() -> {
                    await(go);
                    node.getBean(PendingMethodPoller.class).runCycle();
                }, threads));
                running.add(CompletableFuture.runAsync(() -> {
                    await(go);
                    node.getBean(WaitingPaymentPoller.class).runCycle();
                }, threads));
            }
            go.countDown();
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        }

        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        methods.forEach((setup, id) -> {
            if (provider.questions(setup) != 1) {
                problems.add("method " + setup + " asked " + provider.questions(setup) + " times");
            }
            if (!rows.methodStatus(id).equals(methodOutcome.get(setup))) {
                problems.add("method " + setup + " is " + rows.methodStatus(id) + ", expected " + methodOutcome.get(setup));
            }
        });
        payments.forEach((checkout, id) -> {
            if (provider.questions(checkout) != 1) {
                problems.add("payment " + checkout + " asked " + provider.questions(checkout) + " times");
            }
            String expected = paymentOutcome.get(checkout);
            if (!rows.paymentStatus(id).equals(expected)) {
                problems.add("payment " + checkout + " is " + rows.paymentStatus(id) + ", expected " + expected);
            }
            int credits = rows.credits(id);
            if (credits != (expected.equals("CREDITED") ? 1 : 0)) {
                problems.add("payment " + checkout + " has " + credits + " credits");
            }
        });
        charges.forEach((key, id) -> {
            if (provider.questions(key) != 1) {
                problems.add("charge " + key + " re-sent " + provider.questions(key) + " times");
            }
            String expected = chargeOutcome.get(key);
            if (!rows.paymentStatus(id).equals(expected)) {
                problems.add("charge " + key + " is " + rows.paymentStatus(id) + ", expected " + expected);
            }
            if (rows.credits(id) != (expected.equals("CREDITED") ? 1 : 0)) {
                problems.add("charge " + key + " has " + rows.credits(id) + " credits");
            }
        });
        assertThat(problems).isEmpty();
        for (Customer customer : customers) {
            int defaults = jdbc.sql("select count(*) from payment_method where payer_id = ? and is_default = true")
                    .param(customer.person().value()).query(Integer.class).single();
            assertThat(defaults).as("one default per payer that has a confirmed method").isEqualTo(1);
            assertThat(LedgerChecks.isConsistent(a.getBean(Ledger.class), customer.accountId())).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
