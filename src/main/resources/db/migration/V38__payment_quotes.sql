-- Issue 19, part 1 (DD-093): a locked price for paying in another currency. Written when the customer asks for it;
-- a top-up names it, and is refused once it has expired (a new quote is made and confirmed, never a silent re-price).
create table payment_quote (
    id                uuid primary key,
    account_id        uuid           not null references account (id),
    pay_value         numeric(19, 4) not null,
    pay_currency      char(3)        not null,
    credited_value    numeric(19, 4) not null,
    credited_currency char(3)        not null,
    rate              numeric(30, 12) not null,
    mid_rate          numeric(30, 12) not null,
    spread_percent    numeric(6, 3)  not null,
    rate_source       varchar(80)    not null,
    rate_date         date           not null,
    rate_fetched_at   timestamp with time zone not null,
    created_at        timestamp with time zone not null,
    expires_at        timestamp with time zone not null
);
create index payment_quote_account on payment_quote (account_id, created_at);
