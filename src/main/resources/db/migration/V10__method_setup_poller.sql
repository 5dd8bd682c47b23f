-- The background checks of pending methods and waiting payments. Each row says when it is next due and how often it
-- was asked; a node claims a due row (FOR UPDATE SKIP LOCKED) and moves next_check_at past the cycle before asking the
-- provider, so that no other node asks about it in the same cycle.
alter table payment_method add column next_check_at timestamp with time zone;
alter table payment_method add column check_attempts int default 0 not null;
create index payment_method_due on payment_method (status, next_check_at);

alter table payment add column next_check_at timestamp with time zone;
alter table payment add column check_attempts int default 0 not null;
create index payment_due on payment (status, next_check_at);

-- The demo provider's page for saving a card without a payment. Like its checkouts, it belongs to the provider's side.
create table demo_setup (
    id               varchar(40)  primary key,
    merchant         varchar(200) not null,
    payer_name       varchar(200) not null,
    return_path      varchar(300) not null,
    cancel_path      varchar(300) not null,
    idempotency_key  varchar(100) not null,
    status           varchar(20)  not null,
    decline_reason   varchar(300),
    card_token       varchar(40),
    created_at       timestamp with time zone not null,
    completed_at     timestamp with time zone,
    constraint demo_setup_idempotency unique (idempotency_key)
);
