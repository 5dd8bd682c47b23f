-- When the poller next asks a credited payment's provider about its refunds and disputes (issue 16, DD-070). A row
-- appears at a payment's first check; payments never checked are due at once.
create table payment_refund_check (
    payment_id     uuid primary key references payment (id),
    next_check_at  timestamp with time zone not null,
    checks         int not null
);
create index payment_refund_check_due on payment_refund_check (next_check_at);

-- The demo provider's own refunds and disputes, in its own words, on the checkout or charge they belong to. Like the
-- rest of the demo provider it never reads Billfold's tables.
create table demo_refund (
    id               varchar(40)    primary key,
    payment_ref      varchar(40)    not null,
    amount_value     numeric(19, 4) not null,
    amount_currency  char(3)        not null,
    status           varchar(20)    not null,
    initiated_key    varchar(100),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint demo_refund_initiated unique (initiated_key)
);
create index demo_refund_payment on demo_refund (payment_ref);

create table demo_dispute (
    id               varchar(40)    primary key,
    payment_ref      varchar(40)    not null,
    amount_value     numeric(19, 4) not null,
    amount_currency  char(3)        not null,
    status           varchar(20)    not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);
create index demo_dispute_payment on demo_dispute (payment_ref);

-- A service switched off because its account's balance stayed below zero past the grace period (DD-069): switched
-- on again when the balance is back at zero or above, while its paid time lasts.
alter table hosted_service add column suspended_overdrawn boolean default false not null;
