package dev.billfold.gateway.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.IdempotencyException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** docs/security.md, item 7: how a Stripe error is written into our logs. */
class StripeResultsTest {

    @Test
    void an_error_is_described_by_kind_status_and_request_never_by_stripes_message_which_may_quote_our_key() {
        var refused = new IdempotencyException("Keys for idempotent requests can only be used with the same "
                + "parameters they were first used with. Try using a key other than 'topup:4f1c' if you meant to "
                + "execute a different request.", "req_8XyZ", null, 400);

        assertThat(StripeResults.describe(refused))
                .isEqualTo("IdempotencyException status=400 code=null request=req_8XyZ");
    }

    @Test
    void a_connection_failure_names_its_local_cause() {
        var timeout = new ApiConnectionException("IOException during API request to Stripe (https://api.stripe.com)",
                new SocketTimeoutException("Read timed out"));

        assertThat(StripeResults.describe(timeout)).isEqualTo("ApiConnectionException status=0 code=null "
                + "request=null cause=SocketTimeoutException: Read timed out");
    }
}
