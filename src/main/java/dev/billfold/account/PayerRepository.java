package dev.billfold.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface PayerRepository extends Repository<Payer, PayerId> {

    Optional<Payer> findById(PayerId id);

    @Query("select * from payer where account_id = :accountId and archived = false "
            + "order by is_default desc, legal_name")
    List<Payer> findActiveByAccount(AccountId accountId);

    @Query("select * from payer where account_id = :accountId order by archived, is_default desc, legal_name")
    List<Payer> findAllByAccount(AccountId accountId);

    Payer save(Payer payer);
}
