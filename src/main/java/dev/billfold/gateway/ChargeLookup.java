package dev.billfold.gateway;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A provider that can be asked again about an off-session charge whose answer was lost or not final (DD-034). */
public interface ChargeLookup extends PaymentGateway {

    /**
     * How long after a charge the provider still answers the same request with the same idempotency key by replaying
     * the first result instead of charging again. Past it, re-sending could charge twice, so nobody may. ZERO for a
     * provider that does not replay: a lost charge of it is never re-sent.
     */
    Duration chargeReplayWindow();

    /**
     * Learns the outcome of an off-session charge whose answer was lost or not final. With the provider's reference
     * (the charge, PaymentIntent or order it named) it asks about that charge and moves no new money. Without one it
     * re-sends the very same {@code request}, which the provider answers with the first result; callers do that only
     * within {@link #chargeReplayWindow()} of the first attempt. The answer is as explicit as a charge's: PENDING,
     * UNKNOWN when it still cannot be told.
     */
    GatewayResult chargeResult(ChargeRequest request, @Nullable String chargeReference);
}
