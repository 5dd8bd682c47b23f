package dev.billfold.account;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and payers as the rest of the portal reads them. */
@Service
public class AccountService {

    private final AccountAccess access;
    private final PayerRepository payers;

    AccountService(AccountAccess access, PayerRepository payers) {
        this.access = access;
        this.payers = payers;
    }

    @Transactional(readOnly = true)
    public AccountContext currentAccount() {
        return access.current();
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
