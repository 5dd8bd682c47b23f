package dev.billfold.account;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and payers as the rest of the portal reads them. */
@Service
public class AccountService {

    private final AccountAccess access;
    private final PayerRepository payers;
    private final MemberStore members;
    private final Clock clock;

    AccountService(AccountAccess access, PayerRepository payers, MemberStore members, Clock clock) {
        this.access = access;
        this.payers = payers;
        this.members = members;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AccountContext currentAccount() {
        return access.current();
    }

    /** Every account the current user is a member of, by name, for the account switcher. */
    @Transactional(readOnly = true)
    public List<AccountChoice> myAccounts() {
        return members.accountsOf(access.current().userId());
    }

    /** Makes {@code accountId} the current user's account, on every device and after signing in again. */
    @Transactional
    public AccountContext switchTo(AccountId accountId) {
        AccountContext account = access.require(accountId, AccountAccess.Action.VIEW);
        members.choose(accountId, account.userId(), clock.instant());
        return account;
    }

    /** The account's payers that can be chosen, the default first. */
    @Transactional(readOnly = true)
    public List<PayerSummary> payers(AccountId accountId) {
        access.require(accountId, AccountAccess.Action.VIEW);
        return payers.findActiveByAccount(accountId).stream().map(PayerSummary::of).toList();
    }

    /** A payer the current user may move money for. */
    @Transactional(readOnly = true)
    public PayerSummary payerForPayment(PayerId payerId) {
        return PayerSummary.of(access.requirePayer(payerId, AccountAccess.Action.MOVE_MONEY));
    }
}
