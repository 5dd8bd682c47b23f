-- A PayPal webhook claim is a lease (DD-053): a delivery that died between its claim and its commit leaves the event
-- PROCESSING, and a redelivery after claimed_until takes it on again. Claims left by earlier versions have run out.
alter table paypal_event add column claimed_until timestamp with time zone;
update paypal_event set claimed_until = received_at;
alter table paypal_event alter column claimed_until set not null;
