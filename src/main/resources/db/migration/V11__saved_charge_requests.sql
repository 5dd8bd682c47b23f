-- The exact off-session charge request sent for a saved-method payment, written with the payment before the provider
-- is called. When the answer is lost (timeout, 5xx, reset), the poller re-sends this very request with the payment's
-- idempotency key, which the provider answers with the first result, but only within the provider's replay window
-- (DD-034). outcome_open marks a charge held for clarification because its outcome is not known yet: the provider's
-- later news (a webhook) still settles it (DD-035).
create table payment_charge (
    payment_id    uuid         primary key references payment (id),
    payer_ref     varchar(100) not null,
    method_token  varchar(200) not null,
    description   varchar(300) not null,
    outcome_open  boolean      default false not null
);
