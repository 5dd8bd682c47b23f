-- A payment held for clarification while the provider's answer is still open, so that the provider's later word (the
-- poller's question, a webhook) still settles it. It was a column of payment_charge, for saved-method charges only
-- (DD-035); checkouts held because their provider was switched off or silent at their expiry need it too (DD-055).
alter table payment add column outcome_open boolean default false not null;
update payment set outcome_open = true
    where id in (select payment_id from payment_charge where outcome_open = true);
alter table payment_charge drop column outcome_open;
