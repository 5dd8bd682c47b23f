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

    /**
     * What the methods page lists: everything but removed methods and second copies of a saved card (FAILED with a
     * fingerprint, DD-100), the default first, then the newest.
     */
    @Query("select * from payment_method where payer_id = :payerId and status <> 'REMOVED' "
            + "and not (status = 'FAILED' and fingerprint is not null) "
            + "order by is_default desc, created_at desc, id")
    List<PaymentMethod> findListedByPayer(PayerId payerId);

    @Query("select * from payment_method where payer_id = :payerId and is_default = true for update")
    List<PaymentMethod> findLockedDefaultsByPayer(PayerId payerId);

    /** The payer's confirmed copies of one card at one provider (DD-100), locked, the oldest first. */
    @Query("select * from payment_method where payer_id = :payerId and provider = :provider "
            + "and fingerprint = :fingerprint and status = 'CONFIRMED' order by created_at, id for update")
    List<PaymentMethod> findConfirmedLockedByFingerprint(PayerId payerId, String provider, String fingerprint);

    PaymentMethod save(PaymentMethod method);

    /**
     * Cards the provider still keeps although they are not ours to charge: FAILED with a token, either refused for
     * their country (DD-090) or a second copy of a card already saved (DD-100).
     */
    @Query("select * from payment_method where status = 'FAILED' and provider_token is not null "
            + "order by checked_at limit :limit")
    List<PaymentMethod> findRefusedStillAttached(int limit);

    /** Forgets the token of a refused card its provider no longer keeps; 0 when another node did it first. */
    @Modifying
    @Query("update payment_method set provider_token = null where id = :id and provider_token = :token "
            + "and status = 'FAILED'")
    int forgetDetachedToken(PaymentMethodId id, String token);
}
