-- Issue 21 (DD-101): the language a mail is written in, decided when the mail is recorded (the member who caused it,
-- or the payment's earlier mail), so a retry after a restart writes the same mail.
alter table mail_log add column language varchar(8) not null default 'en';
