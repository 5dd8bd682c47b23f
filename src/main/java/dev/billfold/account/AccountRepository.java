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

    /** The user's accounts, the one they chose last first; never chosen ones by name. */
    @Query("""
            select a.* from account a join account_member m on m.account_id = a.id
            where m.user_id = :userId order by m.chosen_at desc nulls last, a.name, a.id""")
    java.util.List<Account> findByMember(UserId userId);
}
