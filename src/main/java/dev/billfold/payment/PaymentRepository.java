package dev.billfold.payment;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface PaymentRepository extends Repository<Payment, PaymentId> {

    Optional<Payment> findById(PaymentId id);

    Optional<Payment> findByIdempotencyKey(String idempotencyKey);

    Optional<Payment> findByProviderAndProviderReference(String provider, String providerReference);

    boolean existsByQuoteId(QuoteId quoteId);

    Payment save(Payment payment);
}
