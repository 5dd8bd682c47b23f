-- Guarded auto top-up (issue 22, DD-105). The renewal job's "top up a short balance" switch becomes a rule: when
-- (a balance or a runway threshold, and always a due renewal's shortfall), how much (the shortfall, a fixed amount or
-- up to a target), from which method (the payer's default when none is chosen) and a monthly cap; and the guards'
-- state: the firing in flight, declines in a row and the back-off after them, and when it switched itself off.
-- Existing rows keep their meaning: the shortfall of a due renewal from the default method, no threshold, no cap.
-- Amounts are in the account's currency. The chosen method has no foreign key: a removed method is refused at firing.
alter table renewal_settings add column method_id uuid;
alter table renewal_settings add column below_balance numeric(19, 4);
alter table renewal_settings add column below_runway_days integer;
alter table renewal_settings add column amount_mode varchar(12) default 'SHORTFALL' not null;
alter table renewal_settings add column amount numeric(19, 4);
alter table renewal_settings add column monthly_cap numeric(19, 4);
alter table renewal_settings add column declines integer default 0 not null;
alter table renewal_settings add column retry_after timestamp with time zone;
alter table renewal_settings add column switched_off_at timestamp with time zone;
alter table renewal_settings add column firings bigint default 0 not null;
alter table renewal_settings add column in_flight_key varchar(100);
alter table renewal_settings add column in_flight_since timestamp with time zone;
