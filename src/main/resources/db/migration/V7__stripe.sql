-- Stripe provider state. Like the demo provider's tables, these belong to the adapter and never join our own.

-- One Stripe customer per payer: saved cards hang off it, and off-session charges name it.
create table stripe_customer (
    payer_id     uuid         primary key,
    customer_id  varchar(100) not null,
    created_at   timestamp with time zone not null,
    constraint stripe_customer_id unique (customer_id)
);

-- Webhook events already applied. Recorded in the transaction that applies them, so a redelivery changes nothing.
create table stripe_event (
    event_id     varchar(100) primary key,
    type         varchar(100) not null,
    received_at  timestamp with time zone not null
);

-- A method saved without a payment is PENDING until the provider confirms it; until then it has no token yet, only
-- the provider's reference for the setup page.
alter table payment_method add column setup_reference varchar(200);
alter table payment_method alter column provider_token drop not null;
create index payment_method_setup_reference on payment_method (provider, setup_reference);
