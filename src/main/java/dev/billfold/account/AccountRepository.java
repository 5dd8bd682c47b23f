package dev.billfold.account;

import dev.billfold.security.UserId;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface AccountRepository extends Repository<Account, AccountId> {

    Optional<Account> findById(AccountId id);

    /** Serializes work that must see a consistent picture of one account, such as daily top-up limits. */
    @Query("select * from account where id = :id for update")
    Optional<Account> findLockedById(AccountId id);

    Account save(Account account);

    @Query("select m.role from account_member m where m.account_id = :accountId and m.user_id = :userId")
    Optional<Role> findRole(AccountId accountId, UserId userId);

}
