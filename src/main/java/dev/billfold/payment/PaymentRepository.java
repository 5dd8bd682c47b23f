package dev.billfold.payment;

import java.util.Optional;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.Repository;

interface PaymentRepository extends Repository<Payment, PaymentId> {

    Optional<Payment> findById(PaymentId id);

    /** The row lock that makes concurrent confirmations of one payment queue up instead of racing. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Payment> findLockedById(PaymentId id);

    Optional<Payment> findByIdempotencyKey(String idempotencyKey);

    Payment save(Payment payment);
}
