package dev.billfold.notification;

import dev.billfold.account.AccountId;
import dev.billfold.staff.StaffAccess;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mails of one account, newest first, for the back office (Support and Finance read it). */
@Service
public class OpsMailLogQuery {

    private final StaffAccess staff;
    private final MailLogStore store;

    OpsMailLogQuery(StaffAccess staff, MailLogStore store) {
        this.staff = staff;
        this.store = store;
    }

    @Transactional(readOnly = true)
    public int count(AccountId accountId) {
        staff.require(StaffAccess.Action.READ, accountId);
        return store.count(accountId);
    }

    @Transactional(readOnly = true)
    public List<MailLogEntry> page(AccountId accountId, int offset, int limit) {
        staff.require(StaffAccess.Action.READ, accountId);
        return store.page(accountId, Math.max(0, offset), Math.clamp(limit, 1, 100));
    }
}
