package dev.billfold.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.BillfoldTest;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The memberships read once per request are never staler than the request, and never stale after our own write. */
@BillfoldTest
class RequestMembershipsTest {

    @Autowired
    AccountAccess access;
    @Autowired
    AccountService accounts;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @SignedIn
    Customer mine;
    Customer other;

    @BeforeEach
    void twoAccounts() {
        other = data.newCustomer("KZT");
        jdbc.sql("insert into account_member (account_id, user_id, role) values (?, ?, 'VIEWER')")
                .params(other.accountId().value(), mine.userId().value()).update();
        newRequest();
    }

    @AfterEach
    void end() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void switching_account_is_seen_within_the_same_request() {
        accounts.switchTo(mine.accountId());
        assertThat(access.current().accountId()).isEqualTo(mine.accountId());

        accounts.switchTo(other.accountId());

        assertThat(access.current().accountId()).isEqualTo(other.accountId());
        assertThat(access.current().role()).isEqualTo(Role.VIEWER);
        assertThat(access.current().currency().getCurrencyCode()).isEqualTo("KZT");
    }

    @Test
    void a_membership_removed_elsewhere_is_gone_for_the_next_request() {
        accounts.switchTo(other.accountId());
        assertThat(access.current().accountId()).isEqualTo(other.accountId());

        // another node removes the membership: plain SQL, none of this node's writes
        jdbc.sql("delete from account_member where account_id = ? and user_id = ?")
                .params(other.accountId().value(), mine.userId().value()).update();
        newRequest();

        assertThat(access.current().accountId()).isEqualTo(mine.accountId());
        assertThatThrownBy(() -> access.require(other.accountId(), AccountAccess.Action.VIEW))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void a_role_check_uses_the_role_in_that_account() {
        assertThat(access.require(mine.accountId(), AccountAccess.Action.MANAGE_ACCOUNT).role()).isEqualTo(Role.OWNER);
        assertThatThrownBy(() -> access.require(other.accountId(), AccountAccess.Action.MOVE_MONEY))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(access.requirePayer(mine.company(), AccountAccess.Action.MOVE_MONEY).id()).isEqualTo(mine.company());
        assertThatThrownBy(() -> access.requirePayer(other.company(), AccountAccess.Action.MOVE_MONEY))
                .isInstanceOf(InvalidRequestException.class);
    }

    private static void newRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }
}
