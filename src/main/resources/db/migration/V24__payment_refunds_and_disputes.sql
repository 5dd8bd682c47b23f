-- Refunds and disputes of payments, as their providers report them (issue 16, DD-069, DD-070). One row per provider
-- refund or dispute id: the unique cause that makes a duplicated, reordered or raced report move money once.
create table payment_refund (
    id                  uuid primary key,
    payment_id          uuid           not null references payment (id),
    provider            varchar(20)    not null,
    provider_refund_id  varchar(200)   not null,
    amount_value        numeric(19, 4) not null,
    amount_currency     char(3)        not null,
    state               varchar(20)    not null,
    reason              varchar(500),
    initiated_key       varchar(100),
    -- DEBIT: this row's news debits the balance (a refund made at the provider); RESERVED: the feature that started
    -- it reserved the money itself and returns it itself.
    funding             varchar(20)    not null,
    -- The REFUND entry was posted; false while a refund learnt before its payment was credited waits for the credit.
    debited             boolean        not null,
    -- The REFUND_RETURN entry was posted (the refund failed or was cancelled after it was debited).
    returned            boolean        not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint payment_refund_cause unique (provider, provider_refund_id),
    constraint payment_refund_amount check (amount_value > 0),
    constraint payment_refund_state check (state in ('PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    constraint payment_refund_funding check (funding in ('DEBIT', 'RESERVED'))
);
create index payment_refund_payment on payment_refund (payment_id);

create table payment_dispute (
    id                   uuid primary key,
    payment_id           uuid           not null references payment (id),
    provider             varchar(20)    not null,
    provider_dispute_id  varchar(200)   not null,
    amount_value         numeric(19, 4) not null,
    amount_currency      char(3)        not null,
    state                varchar(20)    not null,
    provider_status      varchar(60)    not null,
    reason               varchar(200),
    -- The DISPUTE entry was posted; false while a dispute learnt before its payment was credited waits for the credit.
    debited              boolean        not null,
    -- The DISPUTE_WON entry was posted.
    credited_back        boolean        not null,
    opened_at            timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    constraint payment_dispute_cause unique (provider, provider_dispute_id),
    constraint payment_dispute_amount check (amount_value > 0),
    constraint payment_dispute_state check (state in ('OPEN', 'WON', 'LOST'))
);
create index payment_dispute_payment on payment_dispute (payment_id);
create index payment_dispute_queue on payment_dispute (state, opened_at);

-- Since when the balance is below zero (only a refund or a dispute can take it there, DD-069); moved by the same
-- statement that moves the balance, null while it is zero or more.
alter table account_balance add column negative_since timestamp with time zone;
create index account_balance_negative on account_balance (negative_since);
