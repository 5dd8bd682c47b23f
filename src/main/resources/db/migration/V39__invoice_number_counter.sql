-- Invoice numbers without gaps, one run per year (issue 20, DD-095): the counter row is taken, under its row lock, in
-- the transaction that writes the invoice, so a rollback gives the number back and two nodes never share one. The
-- sequence numbers used before stay as they are; a year's counter starts after the highest number of that year.
create table invoice_number_counter (
    invoice_year int    primary key,
    last_number  bigint not null
);
