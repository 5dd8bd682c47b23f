-- Refunds of unused balance that Billfold starts (issue 16, parts 2 and 3; DD-071, DD-072): a request for an amount,
-- split into parts, one per top-up it goes back to. Each part's amount is reserved at once by a REFUND_RESERVED ledger entry
-- keyed 'refund:<part id>', written in the request's transaction; a part that fails, or a request that is rejected,
-- gets it back once by a REFUND_RELEASED entry keyed 'refund-return:<part id>'.
create table refund_request (
    id                uuid primary key,
    account_id        uuid           not null references account (id),
    amount_value      numeric(19, 4) not null,
    amount_currency   char(3)        not null,
    origin            varchar(20)    not null,
    status            varchar(20)    not null,
    -- The customer's double click (or a retried form) is one request: the form's key is unique.
    request_key       varchar(100)   not null,
    requested_by      uuid           not null references app_user (id),
    requested_at      timestamp with time zone not null,
    note              varchar(500),
    -- Where bank-transfer parts are paid out to; only when the request has such parts.
    payout_holder     varchar(200),
    payout_iban       varchar(34),
    payout_bic        varchar(11),
    decided_by        uuid references app_user (id),
    decided_at        timestamp with time zone,
    decision_note     varchar(500),
    version           bigint         not null,
    constraint refund_request_key unique (request_key),
    constraint refund_request_positive check (amount_value > 0),
    constraint refund_request_origin check (origin in ('CUSTOMER', 'OPERATOR')),
    constraint refund_request_status check (status in ('AWAITING_APPROVAL', 'APPROVED', 'REJECTED'))
);
create index refund_request_queue on refund_request (status, requested_at);
create index refund_request_account on refund_request (account_id, requested_at);

create table refund_part (
    id                  uuid primary key,
    request_id          uuid           not null references refund_request (id),
    account_id          uuid           not null references account (id),
    payment_id          uuid           not null references payment (id),
    amount_value        numeric(19, 4) not null,
    amount_currency     char(3)        not null,
    -- Its place in the allocation: the most recent top-up first.
    position            int            not null,
    route               varchar(20)    not null,
    provider            varchar(20),
    destination         varchar(200)   not null,
    status              varchar(20)    not null,
    -- Sent as Stripe's Idempotency-Key and PayPal's PayPal-Request-Id; a provider's news names it back.
    idempotency_key     varchar(100)   not null,
    provider_refund_id  varchar(200),
    failure_reason      varchar(500),
    payout_reference    varchar(100),
    attempts            int            default 0 not null,
    next_check_at       timestamp with time zone,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint         not null,
    constraint refund_part_key unique (idempotency_key),
    constraint refund_part_positive check (amount_value > 0),
    constraint refund_part_route check (route in ('PROVIDER', 'PAYOUT')),
    constraint refund_part_status check (status in ('RESERVED', 'SENDING', 'PENDING', 'SUCCEEDED', 'FAILED',
                                                    'CANCELLED', 'PAYOUT_DUE', 'PAID_OUT'))
);
create unique index refund_part_provider_refund on refund_part (provider, provider_refund_id);
create index refund_part_request on refund_part (request_id);
create index refund_part_payment on refund_part (payment_id);
create index refund_part_due on refund_part (status, next_check_at);
