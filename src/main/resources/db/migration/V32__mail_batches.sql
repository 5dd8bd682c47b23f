-- A statement batch's receipts are sent through one outbox publication that names their batch, not one per mail
-- (DD-066): the publication's serialized event stays a few bytes, and the sender finds the mails by this column.
alter table mail_log add column batch_id uuid;
create index mail_log_by_batch on mail_log (batch_id);
