-- Issue 19, part 1 (DD-092): exchange rates as each source published them, one row per (source, pair, day). Every
-- node fetches on the schedule and writes the same row (update, else insert on conflict do nothing), so two nodes
-- fetching at once leave one row with the same rate. Earlier days stay: a quote names the rate it was priced at.
create table fx_rate (
    source          varchar(40)    not null,
    base_currency   char(3)        not null,
    quote_currency  char(3)        not null,
    rate            numeric(30, 12) not null,
    rate_date       date           not null,
    fetched_at      timestamp with time zone not null,
    primary key (source, base_currency, quote_currency, rate_date)
);
