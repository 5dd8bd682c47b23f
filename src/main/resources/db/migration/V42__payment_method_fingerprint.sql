-- Issue 21 (DD-100): the provider's fingerprint of a saved card (Stripe's card.fingerprint, the demo's test card), so
-- the same card saved twice is recognised and kept once. Null where the provider gives none (a PayPal wallet is
-- recognised by its vault id, the token).
alter table payment_method add column fingerprint varchar(200);
create index payment_method_fingerprint on payment_method (payer_id, provider, fingerprint);
