package dev.billfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 18's background work across a real cluster: two production jars on one PostgreSQL behind Debian's HAProxy
 * (deploy/cluster/haproxy.cfg), both running the poller and the auto-renewal job.
 * <ol>
 *   <li>Several services fall due at once and both nodes' auto-renewal jobs run on them together (every 2 seconds
 *       here): each service is charged exactly once, one CHARGE entry per renewal cause (DD-028, DD-085).</li>
 *   <li>A node holding claimed poller items is killed ({@code kill -9}): the other node finishes them once the
 *       lease (30 s here) has run out, each payment credited once. The other node is frozen ({@code kill -STOP})
 *       while the payments are seeded and claimed, so that the claims are certainly the killed node's.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterJobsE2E {

    private static final int SERVICES = 20;
    private static final int PAYMENTS = 12;
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final List<String> BUSY_JOBS = List.of("--billfold.renewals.cron=*/2 * * * * *",
            "--billfold.poller.interval=PT1S", "--billfold.poller.calls-per-second=1",
            "--billfold.poller.lease=" + LEASE, "--logging.level.dev.billfold=INFO");
    private static final Pattern RUN = Pattern.compile("Auto-renewal for [0-9-]+: Report\\[ordersCompleted=\\d+, "
            + "renewed=(\\d+)");

    private static ProductionServer nodeA;
    private static ProductionServer nodeB;
    private static Cluster cluster;

    @BeforeAll
    static void startTwoNodesBehindHaproxy() {
        cluster = Cluster.start("jobs", BUSY_JOBS);
        nodeA = cluster.nodeA();
        nodeB = cluster.nodeB();
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void services_due_at_once_are_renewed_by_both_nodes_jobs_each_charged_exactly_once() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<UUID> services = new ArrayList<>();
        try (Connection db = nodeA.database()) {
            db.setAutoCommit(false);
            credit(db, ClusterLedger.MORGAN_WEB_STUDIO, new BigDecimal("100.00"));
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into hosted_service (id, account_id, name, kind, price_value, price_currency, period,
                      paid_until, status, auto_renew, renewal_checked_on, renewal_claimed_until, created_at, version)
                    values (?, cast(? as uuid), ?, 'VPS', 1.00, 'USD', 'MONTH', ?, 'ACTIVE', true, null, null, ?, 0)""")) {
                for (int i = 0; i < SERVICES; i++) {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, ClusterLedger.MORGAN_WEB_STUDIO);
                    insert.setString(3, "cluster-vps-" + i);
                    insert.setDate(4, Date.valueOf(today.plusDays(1)));
                    insert.setTimestamp(5, Timestamp.from(Instant.now()));
                    insert.addBatch();
                    services.add(id);
                }
                insert.executeBatch();
            }
            db.commit();
            db.setAutoCommit(true);

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (checkedToday(db, services, today) < SERVICES && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            for (UUID service : services) {
                assertThat(ClusterLedger.single(db, "select count(*) from renewal_charge where service_id = ?",
                        service)).as("renewal charges of %s", service).isEqualTo(1L);
                assertThat(ClusterLedger.single(db, "select count(*) from ledger_entry where kind = 'CHARGE' "
                        + "and reference = ?", "renewal:" + service + ":" + today.plusDays(1)))
                        .as("CHARGE entries of %s", service).isEqualTo(1L);
                assertThat(ClusterLedger.single(db, "select paid_until from hosted_service where id = ?", service)
                        .toString()).isEqualTo(today.plusDays(1).plusMonths(1).toString());
            }
            ClusterLedger.assertBalanceIsTheSumOfEntries(db, ClusterLedger.MORGAN_WEB_STUDIO);
        }
        Map<String, Integer> renewedPerNode = new HashMap<>();
        for (ProductionServer node : List.of(nodeA, nodeB)) {
            Matcher runs = RUN.matcher(Files.readString(node.log(), StandardCharsets.UTF_8));
            int renewed = 0;
            int count = 0;
            while (runs.find()) {
                renewed += Integer.parseInt(runs.group(1));
                count++;
            }
            assertThat(count).as("auto-renewal runs in %s", node.log().getFileName()).isPositive();
            renewedPerNode.put(node.log().getFileName().toString(), renewed);
        }
        System.err.println("jobs: services renewed per node's log (all its runs): " + renewedPerNode);
    }

    @Test
    @Order(2)
    void a_node_killed_with_claims_leaves_them_to_the_other_node_once_the_lease_has_run_out() throws Exception {
        List<UUID> payments;
        Map<UUID, Instant> leasedUntil = new HashMap<>();
        nodeB.pause();
        try (Connection db = nodeA.database()) {
            payments = ClusterLedger.paidCheckoutsWaiting(db, PAYMENTS);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ClusterLedger.credited(db, payments) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            nodeA.kill();
            Instant killed = Instant.now();
            nodeB.resume();
            for (UUID payment : payments) {
                if (!"CREDITED".equals(ClusterLedger.status(db, payment))) {
                    Instant until = ClusterLedger.nextCheck(db, payment);
                    assertThat(until).as("claimed by the killed node, leased").isAfter(killed);
                    leasedUntil.put(payment, until);
                }
            }
            assertThat(leasedUntil).as("the killed node held claims it had not worked on").isNotEmpty();
            System.err.printf("jobs: node A killed with %d of %d payments claimed and not asked%n",
                    leasedUntil.size(), PAYMENTS);

            deadline = System.nanoTime() + LEASE.plusSeconds(90).toNanos();
            while (ClusterLedger.credited(db, payments) < PAYMENTS && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            ClusterLedger.assertCreditedOnce(db, payments);
            for (Map.Entry<UUID, Instant> claim : leasedUntil.entrySet()) {
                assertThat(ClusterLedger.creditedAt(db, claim.getKey()))
                        .as("finished by the other node once the lease ran out").isAfterOrEqualTo(claim.getValue());
            }
            ClusterLedger.assertBalanceIsTheSumOfEntries(db, ClusterLedger.MORGAN_WEB_STUDIO);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            assertThat(http.send(HttpRequest.newBuilder(URI.create(cluster.url() + "/login")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).as("HAProxy serves from the survivor")
                    .isEqualTo(200);
        }
    }

    /** An operator's adjustment: one ADJUSTMENT entry and the cached balance with it, in the caller's transaction. */
    private static void credit(Connection db, String account, BigDecimal amount) throws SQLException {
        try (PreparedStatement entry = db.prepareStatement("""
                insert into ledger_entry (id, account_id, amount_value, amount_currency, kind, reference, created_at)
                values (?, cast(? as uuid), ?, 'USD', 'ADJUSTMENT', ?, ?)""");
             PreparedStatement balance = db.prepareStatement(
                     "update account_balance set amount_value = amount_value + ? where account_id = cast(? as uuid)")) {
            entry.setObject(1, UUID.randomUUID());
            entry.setString(2, account);
            entry.setBigDecimal(3, amount);
            entry.setString(4, "adjustment:" + UUID.randomUUID());
            entry.setTimestamp(5, Timestamp.from(Instant.now()));
            entry.executeUpdate();
            balance.setBigDecimal(1, amount);
            balance.setString(2, account);
            balance.executeUpdate();
        }
    }

    private static int checkedToday(Connection db, List<UUID> services, LocalDate today) throws SQLException {
        int checked = 0;
        for (UUID service : services) {
            Object on = ClusterLedger.single(db, "select renewal_checked_on from hosted_service where id = ?", service);
            checked += on != null && on.toString().equals(today.toString()) ? 1 : 0;
        }
        return checked;
    }
}
