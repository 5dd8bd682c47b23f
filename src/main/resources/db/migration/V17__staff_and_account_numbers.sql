-- Account numbers (DD-059): a 7-digit sequence number followed by two ISO 7064 MOD 97-10 check digits, so that
-- number * 100 + check leaves 1 when divided by 97 (as in an IBAN). Bases below 1000100 are kept for the demo data.
-- Existing accounts are numbered here; the sequence is asked once per row through a column dropped again after.
create sequence account_number_seq start with 1000100;

alter table account add column number_base bigint;
update account set number_base = nextval('account_number_seq');
alter table account add column account_number varchar(9);
update account set account_number = cast(number_base * 100 + 98 - mod(number_base * 100, 97) as varchar(9));
alter table account drop column number_base;
alter table account alter column account_number set not null;
alter table account add constraint account_number_unique unique (account_number);
