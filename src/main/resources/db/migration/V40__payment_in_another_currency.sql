-- Issue 19, part 1 (DD-096): a top-up paid in another currency than the account's. amount_* stays the top-up in the
-- account currency (what every limit, invoice, refund and report reads); pay_* is what the provider is charged, at
-- the quote's locked rate, and quote_id names that quote, which one payment only may use.
alter table payment alter column exchange_rate set data type numeric(30, 12);
alter table payment add column pay_value numeric(19, 4);
alter table payment add column pay_currency char(3);
alter table payment add column quote_id uuid references payment_quote (id);
create unique index payment_quote_once on payment (quote_id);
