-- Issue 19, part 2 (DD-090): the issuing country of a saved card, as its provider named it, so a card from a refused
-- country is refused before it is charged again; null when the provider did not name one (a PayPal wallet).
alter table payment_method add column card_country varchar(2);

-- A checkout the provider completed with a card from a refused country: the payment is REJECTED and its money goes
-- back, once. One row per payment, written in the transaction that rejects it; sent after the commit, and asked
-- again with the same key until the provider gives a final answer.
create table card_country_refund (
    payment_id          uuid primary key references payment (id),
    card_country        varchar(2)    not null,
    status              varchar(20)   not null,
    provider_refund_id  varchar(255),
    failure_reason      varchar(500),
    attempts            int           not null,
    next_attempt_at     timestamp with time zone not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);
create index card_country_refund_due on card_country_refund (next_attempt_at);
