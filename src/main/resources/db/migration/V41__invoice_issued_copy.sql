-- What an invoice was issued with (issue 20, DD-094): the seller block, its tax, the bank account for the invoice's
-- currency, the buyer's country and the language of its total in words, copied at issue so that a later change of
-- configuration never changes an issued document. All null on invoices issued before: they render as before.
alter table invoice add column seller_legal_name varchar(500);
alter table invoice add column seller_address varchar(500);
alter table invoice add column seller_country char(2);
alter table invoice add column seller_registration_number varchar(500);
alter table invoice add column seller_tax_id varchar(500);
alter table invoice add column seller_vat_id varchar(500);
alter table invoice add column seller_email varchar(500);
alter table invoice add column seller_phone varchar(500);
alter table invoice add column seller_tax_rate numeric(7, 4);
alter table invoice add column seller_tax_name varchar(500);
alter table invoice add column bank_holder varchar(500);
alter table invoice add column bank_name varchar(500);
alter table invoice add column bank_iban varchar(500);
alter table invoice add column bank_account_number varchar(500);
alter table invoice add column bank_bic varchar(500);
alter table invoice add column bank_bik varchar(500);
alter table invoice add column bank_kbe varchar(500);
alter table invoice add column bank_knp varchar(500);
alter table invoice add column buyer_country char(2);
alter table invoice add column words_language varchar(8);
