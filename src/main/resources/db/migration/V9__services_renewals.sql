-- Hosted services paid from the balance, their renewals, renewal orders waiting for a top-up, and what the
-- auto-renewal job did. One SQL for H2 (MODE=PostgreSQL) and PostgreSQL.

create table hosted_service (
    id                     uuid primary key,
    account_id             uuid           not null references account (id),
    name                   varchar(200)   not null,
    kind                   varchar(30)    not null,
    price_value            numeric(19, 4) not null,
    price_currency         char(3)        not null,
    period                 varchar(10)    not null,
    -- The day the paid time ends: the next period starts on it. Null until the first payment.
    paid_until             date,
    status                 varchar(30)    not null,
    auto_renew             boolean        not null,
    -- The auto-renewal job is done with this service for that day (renewed, skipped or failed and told).
    renewal_checked_on     date,
    -- A job run holds the service until then; a run that died releases it when the lease runs out.
    renewal_claimed_until  timestamp with time zone,
    created_at             timestamp with time zone not null,
    version                bigint         not null
);
create index hosted_service_account on hosted_service (account_id, name);
create index hosted_service_due on hosted_service (auto_renew, paid_until);

-- One row per service and paid period, written with its CHARGE ledger entry: the renewal's own unique key.
create table renewal_charge (
    service_id        uuid           not null references hosted_service (id),
    period_start      date           not null,
    period_end        date           not null,
    account_id        uuid           not null references account (id),
    amount_value      numeric(19, 4) not null,
    amount_currency   char(3)        not null,
    ledger_reference  varchar(200)   not null,
    source            varchar(20)    not null,
    created_at        timestamp with time zone not null,
    primary key (service_id, period_start),
    constraint renewal_charge_ledger_reference unique (ledger_reference)
);

-- A renewal the customer asked for while the balance was short: it completes when the top-up with this key settles.
create table renewal_order (
    id              uuid primary key,
    account_id      uuid           not null references account (id),
    payment_key     varchar(100)   not null,
    total_value     numeric(19, 4) not null,
    total_currency  char(3)        not null,
    status          varchar(20)    not null,
    reason          varchar(500),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint renewal_order_payment_key unique (payment_key)
);
create index renewal_order_account on renewal_order (account_id, created_at);

create table renewal_order_line (
    order_id    uuid not null references renewal_order (id),
    service_id  uuid not null references hosted_service (id),
    periods     int  not null,
    primary key (order_id, service_id)
);

-- Per account: may the auto-renewal job top up a short balance from this payer's default saved method?
create table renewal_settings (
    account_id                uuid primary key references account (id),
    top_up_from_saved_method  boolean not null,
    payer_id                  uuid references payer (id)
);

-- What happened to renewals that the customer should see, failures included (the ledger only has what moved money).
create table renewal_event (
    id          uuid primary key,
    account_id  uuid         not null references account (id),
    service_id  uuid references hosted_service (id),
    kind        varchar(30)  not null,
    message     varchar(500) not null,
    created_at  timestamp with time zone not null
);
create index renewal_event_account on renewal_event (account_id, created_at);

-- The transaction history orders entries by time; entries written at the same instant (a top-up and the renewal it
-- pays for, on a coarse clock) keep the order they were written in, so the running balance never dips in between.
create sequence ledger_entry_seq;
alter table ledger_entry add column seq_no bigint default nextval('ledger_entry_seq') not null;
