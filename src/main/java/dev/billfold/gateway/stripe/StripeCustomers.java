package dev.billfold.gateway.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import dev.billfold.gateway.ConditionalOnProvider;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One Stripe customer per payer, created on first use and remembered in {@code stripe_customer}. Creation carries a
 * key derived from the payer, so two first checkouts racing each other get the same customer back from Stripe.
 */
@Component
@ConditionalOnProvider(StripeGatewayProperties.SECRET_KEY)
class StripeCustomers {

    private final StripeClient stripe;
    private final JdbcClient jdbc;
    private final Clock clock;

    StripeCustomers(StripeClient stripe, JdbcClient jdbc, Clock clock) {
        this.stripe = stripe;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<String> find(String payerId) {
        return jdbc.sql("select customer_id from stripe_customer where payer_id = ?").param(UUID.fromString(payerId))
                .query(String.class).optional();
    }

    /** The payer's customer; created at Stripe first if there is none yet. Throws if Stripe cannot be reached. */
    String forPayer(String payerId, String payerName) throws StripeException {
        Optional<String> known = find(payerId);
        if (known.isPresent()) {
            return known.get();
        }
        Customer created = stripe.v1().customers().create(CustomerCreateParams.builder()
                        .setName(payerName)
                        .putMetadata(StripeGateway.METADATA_PAYER, payerId)
                        .build(),
                RequestOptions.builder().setIdempotencyKey("customer:" + payerId).build());
        try {
            jdbc.sql("insert into stripe_customer (payer_id, customer_id, created_at) values (?, ?, ?)")
                    .params(UUID.fromString(payerId), created.getId(),
                            OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException raced) {
            return find(payerId).orElseThrow();
        }
        return created.getId();
    }
}
