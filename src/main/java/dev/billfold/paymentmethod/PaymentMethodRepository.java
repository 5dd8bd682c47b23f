package dev.billfold.paymentmethod;

import dev.billfold.account.PayerId;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface PaymentMethodRepository extends Repository<PaymentMethod, PaymentMethodId> {

    Optional<PaymentMethod> findById(PaymentMethodId id);

    Optional<PaymentMethod> findByProviderAndProviderToken(String provider, String providerToken);

    /** Locks the row until the transaction ends, so that a webhook and the customer's return confirm a setup once. */
    @Query("select * from payment_method where id = :id for update")
    Optional<PaymentMethod> findLockedById(PaymentMethodId id);

    @Query("select * from payment_method where payer_id = :payerId and status = 'CONFIRMED' "
            + "order by is_default desc, created_at")
    List<PaymentMethod> findConfirmedByPayer(PayerId payerId);

    @Query("select count(*) > 0 from payment_method where payer_id = :payerId and is_default = true")
    boolean payerHasDefault(PayerId payerId);

    /** What the methods page lists: everything but removed methods, the default first, then the newest. */
    @Query("select * from payment_method where payer_id = :payerId and status <> 'REMOVED' "
            + "order by is_default desc, created_at desc, id")
    List<PaymentMethod> findListedByPayer(PayerId payerId);

    @Query("select * from payment_method where payer_id = :payerId and is_default = true for update")
    List<PaymentMethod> findLockedDefaultsByPayer(PayerId payerId);

    PaymentMethod save(PaymentMethod method);

    /** Refused cards whose provider still keeps them (DD-090): FAILED, with a token and the country that refused. */
    @Query("select * from payment_method where status = 'FAILED' and provider_token is not null "
            + "and card_country is not null order by checked_at limit :limit")
    List<PaymentMethod> findRefusedStillAttached(int limit);

    /** Forgets the token of a refused card its provider no longer keeps; 0 when another node did it first. */
    @Modifying
    @Query("update payment_method set provider_token = null where id = :id and provider_token = :token "
            + "and status = 'FAILED'")
    int forgetDetachedToken(PaymentMethodId id, String token);
}
