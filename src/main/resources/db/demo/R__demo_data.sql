-- Demo data for the embedded default. Loaded only where spring.flyway.locations includes classpath:db/demo,
-- never in the production profile. Idempotent: a re-run inserts nothing twice.

insert into app_user (id, username, display_name, email, version) values
  ('d0000000-0000-0000-0000-000000000001', 'demo', 'Alex Morgan', 'alex@example.com', 0),
  ('d0000000-0000-0000-0000-000000000002', 'other', 'Dana Sultan', 'dana@example.kz', 0),
  ('d0000000-0000-0000-0000-000000000003', 'billing', 'Jordan Lee', 'jordan@morganweb.example', 0),
  ('d0000000-0000-0000-0000-000000000004', 'kenya', 'Wanjiru Kamau', 'wanjiru@example.co.ke', 0),
  -- The provider's demo staff user (Support, Finance and Admin): no account membership, it works under /ops.
  ('d0000000-0000-0000-0000-000000000009', 'operator', 'Olivia Operator', null, 0),
  -- A second demo staff user with the Finance role only, for the four-eyes approval of balance adjustments.
  ('d0000000-0000-0000-0000-0000000000f2', 'finance2', 'Farida Finance', null, 0)
on conflict do nothing;

-- Account numbers from the bases below the sequence's start, kept for the demo (DD-059).
insert into account (id, name, currency, country, account_number, version) values
  ('a0000000-0000-0000-0000-000000000001', 'Morgan Web Studio', 'USD', 'US', '100000114', 0),
  ('a0000000-0000-0000-0000-000000000002', 'Steppe Networks', 'KZT', 'KZ', '100000211', 0),
  -- The Kenyan account in KES (issue 19), which pays with M-Pesa.
  ('a0000000-0000-0000-0000-000000000003', 'Nairobi Cloud Works', 'KES', 'KE', '100000308', 0)
on conflict do nothing;

insert into account_member (account_id, user_id, role) values
  ('a0000000-0000-0000-0000-000000000001', 'd0000000-0000-0000-0000-000000000001', 'OWNER'),
  ('a0000000-0000-0000-0000-000000000002', 'd0000000-0000-0000-0000-000000000002', 'OWNER'),
  -- demo also sees Steppe Networks (read only), so the account switcher shows; billing tops up Morgan Web Studio.
  ('a0000000-0000-0000-0000-000000000002', 'd0000000-0000-0000-0000-000000000001', 'VIEWER'),
  ('a0000000-0000-0000-0000-000000000001', 'd0000000-0000-0000-0000-000000000003', 'BILLING'),
  ('a0000000-0000-0000-0000-000000000003', 'd0000000-0000-0000-0000-000000000004', 'OWNER')
on conflict do nothing;

insert into payer (id, account_id, type, legal_name, tax_id, address, country, invoice_email, is_default, archived, version) values
  ('b0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000001', 'INDIVIDUAL', 'Alex Morgan', null,
   '12 Harbor Street, Portland, OR 97201', 'US', 'alex@example.com', true, false, 0),
  ('b0000000-0000-0000-0000-000000000002', 'a0000000-0000-0000-0000-000000000001', 'COMPANY', 'Morgan Web Studio LLC', 'EU372012345',
   '500 Market Street, Suite 300, San Francisco, CA 94105', 'US', 'billing@morganweb.example', false, false, 0),
  ('b0000000-0000-0000-0000-000000000003', 'a0000000-0000-0000-0000-000000000002', 'SOLE_PROPRIETOR', 'IP Dana Sultan', '900101300126',
   '15 Abay Avenue, Almaty', 'KZ', 'dana@example.kz', true, false, 0),
  ('b0000000-0000-0000-0000-000000000004', 'a0000000-0000-0000-0000-000000000003', 'INDIVIDUAL', 'Wanjiru Kamau', null,
   '24 Moi Avenue, Nairobi', 'KE', 'wanjiru@example.co.ke', true, false, 0),
  -- Steppe Networks' company (a TOO/LLP, with its BIN), which may pay by bank transfer in Kazakhstan (DD-091).
  ('b0000000-0000-0000-0000-000000000005', 'a0000000-0000-0000-0000-000000000002', 'COMPANY', 'Steppe Networks LLP', '180540012343',
   '77 Dostyk Avenue, Almaty', 'KZ', 'finance@steppe.example.kz', false, false, 0)
on conflict do nothing;

-- The demo provider's side of the saved card, so that charging it works like any other saved card.
insert into demo_card (token, brand, last4, exp_month, exp_year, detached, created_at) values
  ('pm_demo_alexvisa4242', 'Visa', '4242', 12, 2029, false, current_timestamp - interval '40' day)
on conflict do nothing;

insert into payment_method (id, account_id, payer_id, provider, provider_token, label, status, is_default, expires_on,
                            failure_reason, created_at, checked_at, version) values
  ('c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001',
   'demo', 'pm_demo_alexvisa4242', 'Visa •••• 4242, 12/29', 'CONFIRMED', true, date '2029-12-31', null,
   current_timestamp - interval '40' day, current_timestamp - interval '40' day, 0)
on conflict do nothing;

insert into payment (id, account_id, payer_id, amount_value, amount_currency, credited_value, credited_currency, exchange_rate,
                     method_kind, provider, payment_method_id, provider_reference, idempotency_key, save_method, status,
                     status_reason, created_at, updated_at, version) values
  ('e0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001',
   200.00, 'USD', 200.00, 'USD', 1, 'SAVED_METHOD', 'demo', 'c0000000-0000-0000-0000-000000000001', 'ch_demo_history0001',
   'demo-history-1', false, 'CREDITED', null, current_timestamp - interval '12' day, current_timestamp - interval '12' day, 0),
  ('e0000000-0000-0000-0000-000000000002', 'a0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001',
   50.00, 'USD', null, null, null, 'CHECKOUT', 'demo', null, 'cs_demo_history0002',
   'demo-history-2', false, 'REJECTED', 'Your card was declined.', current_timestamp - interval '6' day, current_timestamp - interval '6' day, 0),
  ('e0000000-0000-0000-0000-000000000003', 'a0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000002',
   500.00, 'USD', null, null, null, 'INVOICE', null, null, null,
   'demo-history-3', false, 'WAITING_FOR_PAYMENT', null, current_timestamp - interval '2' day, current_timestamp - interval '2' day, 0)
on conflict do nothing;

insert into invoice (payment_id, number, recipient_name, recipient_bank_details, payer_name, payer_tax_id, payer_address,
                     purpose, issued_at, due_at) values
  ('e0000000-0000-0000-0000-000000000003', 'INV-DEMO-000001', 'Billfold Demo Hosting Inc.',
   'Bank: First Demo Bank, New York' || chr(10) || 'Account: 000123456789' || chr(10) || 'Routing (ABA): 021000021' || chr(10) || 'SWIFT: FDBKUS33',
   'Morgan Web Studio LLC', 'EU372012345', '500 Market Street, Suite 300, San Francisco, CA 94105',
   'Payment for Morgan Web Studio, under personal account number 100000114. Invoice INV-DEMO-000001, amount $500.00.',
   current_timestamp - interval '2' day, current_timestamp + interval '8' day)
on conflict do nothing;

insert into ledger_entry (id, account_id, amount_value, amount_currency, kind, reference, created_at) values
  ('f0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000001', 200.00, 'USD', 'TOP_UP',
   'payment:e0000000-0000-0000-0000-000000000001', current_timestamp - interval '12' day)
on conflict do nothing;

insert into account_balance (account_id, amount_value, amount_currency) values
  ('a0000000-0000-0000-0000-000000000001', 200.00, 'USD'),
  ('a0000000-0000-0000-0000-000000000002', 0, 'KZT'),
  ('a0000000-0000-0000-0000-000000000003', 0, 'KES')
on conflict do nothing;

-- Hosted services paid from the balance (issue 7): one expiring soon, one suspended, a migration server waiting for
-- its first payment, a yearly licence; and one VPS for Steppe Networks.
insert into hosted_service (id, account_id, name, kind, price_value, price_currency, period, paid_until, status,
                            auto_renew, renewal_checked_on, renewal_claimed_until, created_at, version) values
  ('5e000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000001', 'Dedicated server DS-2 (Amsterdam)',
   'DEDICATED_SERVER', 89.00, 'USD', 'MONTH', cast(current_timestamp + interval '5' day as date), 'ACTIVE', true, null, null,
   current_timestamp - interval '300' day, 0),
  ('5e000000-0000-0000-0000-000000000002', 'a0000000-0000-0000-0000-000000000001', 'Extra IPv4 address 203.0.113.17',
   'IP_ADDRESS', 3.00, 'USD', 'MONTH', cast(current_timestamp - interval '4' day as date), 'SUSPENDED', false, null, null,
   current_timestamp - interval '200' day, 0),
  ('5e000000-0000-0000-0000-000000000003', 'a0000000-0000-0000-0000-000000000001', 'Migration server DS-4 (Frankfurt)',
   'DEDICATED_SERVER', 129.00, 'USD', 'MONTH', null, 'AWAITING_PAYMENT', false, null, null,
   current_timestamp - interval '1' day, 0),
  ('5e000000-0000-0000-0000-000000000004', 'a0000000-0000-0000-0000-000000000001', 'cPanel licence',
   'LICENCE', 45.00, 'USD', 'YEAR', cast(current_timestamp + interval '150' day as date), 'ACTIVE', true, null, null,
   current_timestamp - interval '215' day, 0),
  ('5e000000-0000-0000-0000-000000000005', 'a0000000-0000-0000-0000-000000000002', 'VPS Almaty-2',
   'VPS', 9500.00, 'KZT', 'MONTH', cast(current_timestamp + interval '12' day as date), 'ACTIVE', true, null, null,
   current_timestamp - interval '48' day, 0)
on conflict do nothing;

-- The integration API's demo key (issue 17, DD-073), every scope, stated in the README and docs/api.md:
-- bfk_test_demoHr0op4T2abnEn5VJzBcKc7pbL72nazTFmWZnRD8. Stored, as every key, only as its SHA-256; it acts through
-- its own user row, as keys created in the back office do. The production profile loads none of this.
insert into app_user (id, username, display_name, email, version) values
  ('d0000000-0000-0000-0000-0000000000a1', 'api:key:ae000000-0000-0000-0000-000000000001', 'Demo provisioning', null, 0)
on conflict do nothing;
insert into api_key (id, name, hint, secret_hash, scopes, ip_ranges, user_id, created_by, created_at, last_used_at,
                     revoked_at, revoked_by, version) values
  ('ae000000-0000-0000-0000-000000000001', 'Demo provisioning', 'bfk_test_demoHr',
   '9a39c40275fc91348eff57d08b983f150545bef56e3876ce79361758ff6aa012',
   'read accounts:write services:write balance:write', null, 'd0000000-0000-0000-0000-0000000000a1',
   'd0000000-0000-0000-0000-000000000009', current_timestamp - interval '2' day, null, null, null, 0)
on conflict do nothing;
