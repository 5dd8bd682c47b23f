-- Balance adjustments by Finance (issue 15, DD-067): a credit or a debit with a reason category and a staff note.
-- One above the approval limit waits for a second Finance member; once posted it is the ledger entry of kind
-- ADJUSTMENT with reference 'adjustment:<id>', written in the same transaction as the status change.
create table balance_adjustment (
    id               uuid primary key,
    account_id       uuid           not null references account (id),
    -- Signed: a credit is positive, a debit negative, as the ledger entry it becomes.
    amount_value     numeric(19, 4) not null,
    amount_currency  char(3)        not null,
    category         varchar(20)    not null,
    note             varchar(500)   not null,
    status           varchar(20)    not null,
    requested_by     uuid           not null references app_user (id),
    requested_at     timestamp with time zone not null,
    decided_by       uuid references app_user (id),
    decided_at       timestamp with time zone,
    decision_note    varchar(500),
    posted_at        timestamp with time zone,
    version          bigint         not null,
    constraint balance_adjustment_moves_money check (amount_value <> 0),
    constraint balance_adjustment_status check (status in ('AWAITING_APPROVAL', 'POSTED', 'DECLINED')),
    constraint balance_adjustment_category check (category in ('GOODWILL', 'CORRECTION', 'MIGRATION', 'OTHER'))
);
-- The approval queue, oldest first; and an account's adjustments.
create index balance_adjustment_queue on balance_adjustment (status, requested_at);
create index balance_adjustment_account on balance_adjustment (account_id, requested_at);
