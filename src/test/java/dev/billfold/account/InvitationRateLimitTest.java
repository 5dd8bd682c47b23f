package dev.billfold.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.billfold.BillfoldTest;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.ratelimit.RateLimitExceededException;
import dev.billfold.ratelimit.RateLimitProperties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Invitations sent are rate limited per user and per account with the configured defaults (DD-056): past either
 * limit an invitation is refused with a message, and no invitation row is written and no mail is sent.
 */
@BillfoldTest
class InvitationRateLimitTest {

    @Autowired
    MemberService members;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RateLimitProperties limits;

    @SignedIn
    Customer owner;

    final ListAppender<ILoggingEvent> mails = new ListAppender<>();

    @BeforeEach
    void watchMails() {
        mails.start();
        ((Logger) LoggerFactory.getLogger(InvitationMailer.class)).addAppender(mails);
    }

    @AfterEach
    void stopWatching() {
        ((Logger) LoggerFactory.getLogger(InvitationMailer.class)).detachAppender(mails);
    }

    @Test
    void an_owner_past_the_limit_is_refused_and_no_invitation_is_written_or_mailed() {
        int capacity = limits.limit(MemberService.INVITATIONS_PER_USER).capacity();
        for (int i = 0; i < capacity; i++) {
            members.invite(owner.accountId(), newAddress(), Role.VIEWER);
        }
        int mailed = mails.list.size();

        assertThatThrownBy(() -> members.invite(owner.accountId(), newAddress(), Role.BILLING))
                .isInstanceOf(RateLimitExceededException.class)
                .hasMessageStartingWith("You have sent many invitations in a short time, so this one was not sent. "
                        + "Please try again in ");

        assertThat(invitations()).isEqualTo(capacity);
        assertThat(mails.list).as("no further mail").hasSize(mailed);
    }

    @Test
    void the_account_limit_holds_for_all_its_owners_together() {
        int perUser = limits.limit(MemberService.INVITATIONS_PER_USER).capacity();
        int perAccount = limits.limit(MemberService.INVITATIONS_PER_ACCOUNT).capacity();
        int sent = 0;
        while (sent < perAccount) {
            TestData.signIn(data.addMember(owner.accountId(), "OWNER"));
            for (int i = 0; i < perUser && sent < perAccount; i++, sent++) {
                members.invite(owner.accountId(), newAddress(), Role.VIEWER);
            }
        }
        TestData.signIn(data.addMember(owner.accountId(), "OWNER"));
        int mailed = mails.list.size();

        assertThatThrownBy(() -> members.invite(owner.accountId(), newAddress(), Role.VIEWER))
                .isInstanceOf(RateLimitExceededException.class)
                .hasMessageStartingWith("Many invitations were sent from this account in a short time, so this one "
                        + "was not sent. Please try again in ");
        assertThat(invitations()).isEqualTo(perAccount);
        assertThat(mails.list).hasSize(mailed);
    }

    @Test
    void a_bad_address_is_refused_as_before_without_using_up_the_allowance() {
        int capacity = limits.limit(MemberService.INVITATIONS_PER_USER).capacity();
        for (int i = 0; i < capacity + 5; i++) {
            assertThatThrownBy(() -> members.invite(owner.accountId(), "not-an-address", Role.VIEWER))
                    .hasMessageStartingWith("That does not look like an e-mail address.");
        }
        members.invite(owner.accountId(), newAddress(), Role.VIEWER);
        assertThat(invitations()).isOne();
    }

    static String newAddress() {
        return "invitee-" + UUID.randomUUID() + "@example.com";
    }

    int invitations() {
        return jdbc.sql("select count(*) from invitation where account_id = ?").param(owner.accountId().value())
                .query(Integer.class).single();
    }
}
