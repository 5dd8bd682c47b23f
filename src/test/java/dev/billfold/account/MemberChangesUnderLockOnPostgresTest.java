package dev.billfold.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.BillfoldPostgresTest;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.security.UserId;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * An owner demoted while their own change to the members waits for the account lock is refused: the role check runs
 * under the lock and sees the demotion. Two owners, A and B: A's demotion of B holds the lock, uncommitted, until B's
 * change is waiting for it (PostgreSQL says so in pg_stat_activity); then A commits. Checked before the lock, as it
 * once was, B's change went through. PostgreSQL only: that is where production runs and where the wait can be seen.
 */
@BillfoldPostgresTest
class MemberChangesUnderLockOnPostgresTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MemberService members;
    @Autowired
    AccountService accounts;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @SignedIn
    Customer a;

    String b;
    UserId bId;
    UserId c;
    ExecutorService threads;

    @BeforeEach
    void secondOwnerAndAViewer() {
        b = data.addMember(a.accountId(), "OWNER");
        bId = userOf(b);
        c = userOf(data.addMember(a.accountId(), "VIEWER"));
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void an_owner_demoted_while_waiting_for_the_lock_cannot_change_a_role() throws Exception {
        Throwable refused = whileBIsBeingDemoted(() -> members.changeRole(a.accountId(), c, Role.OWNER));

        assertThat(refused).isInstanceOf(InvalidRequestException.class).hasMessage("You do not have access to that account.");
        assertThat(role(c)).isEqualTo("VIEWER");
        assertThat(role(bId)).isEqualTo("VIEWER");
    }

    @Test
    void an_owner_demoted_while_waiting_for_the_lock_cannot_remove_a_member() throws Exception {
        Throwable refused = whileBIsBeingDemoted(() -> members.removeMember(a.accountId(), c));

        assertThat(refused).isInstanceOf(InvalidRequestException.class).hasMessage("You do not have access to that account.");
        assertThat(role(c)).isEqualTo("VIEWER");
    }

    @Test
    void an_owner_demoted_while_waiting_for_the_lock_cannot_invite() throws Exception {
        Throwable refused = whileBIsBeingDemoted(() -> members.invite(a.accountId(), "friend@example.com", Role.OWNER));

        assertThat(refused).isInstanceOf(InvalidRequestException.class).hasMessage("You do not have access to that account.");
        assertThat(jdbc.sql("select count(*) from invitation where account_id = ?").param(a.accountId().value())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void a_demotion_committed_elsewhere_during_the_request_is_seen_under_the_lock() {
        // Another node demotes B after B's request read its memberships: this node's per-request copy cannot know.
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            TestData.signIn(b);
            assertThat(accounts.myAccounts()).extracting(AccountChoice::role).contains(Role.OWNER);
            jdbc.sql("update account_member set role = 'VIEWER' where account_id = ? and user_id = ?")
                    .params(a.accountId().value(), bId.value()).update();

            assertThatThrownBy(() -> members.changeRole(a.accountId(), c, Role.OWNER))
                    .isInstanceOf(InvalidRequestException.class).hasMessage("You do not have access to that account.");
            assertThat(role(c)).isEqualTo("VIEWER");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    /**
     * A demotes B in a transaction that stays open until B's {@code change} waits for the account lock, then commits.
     * Returns what B's change threw, or null if it went through.
     */
    private Throwable whileBIsBeingDemoted(Runnable change) throws Exception {
        var demotedUncommitted = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        Future<?> demotion = threads.submit(() -> {
            TestData.signIn(a.username());
            try {
                transactions.executeWithoutResult(status -> {
                    members.changeRole(a.accountId(), bId, Role.VIEWER);
                    demotedUncommitted.countDown();
                    await(commit);
                });
            } finally {
                TestData.signOut();
            }
            return null;
        });
        assertThat(demotedUncommitted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("A's demotion of B ran").isTrue();
        Future<Throwable> bsChange = threads.submit(() -> {
            TestData.signIn(b);
            try {
                change.run();
                return null;
            } catch (RuntimeException refused) {
                return refused;
            } finally {
                TestData.signOut();
            }
        });
        awaitWaitingForLock(bsChange);
        commit.countDown();
        demotion.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return bsChange.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Until a session of this database waits for a lock (B's), or B's change has ended without waiting. */
    private void awaitWaitingForLock(Future<?> change) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!change.isDone() && System.nanoTime() < deadline) {
            int waiting = jdbc.sql("""
                            select count(*) from pg_stat_activity
                             where datname = current_database() and wait_event_type = 'Lock'""")
                    .query(Integer.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(change.isDone()).as("B's change waits for the lock or has ended").isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("B's change never waited for the lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private UserId userOf(String username) {
        return new UserId(jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single());
    }

    private String role(UserId user) {
        return jdbc.sql("select role from account_member where account_id = ? and user_id = ?")
                .params(a.accountId().value(), user.value()).query(String.class).single();
    }
}
