package dev.billfold.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerId;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The question statement matching asks (DD-068), the same SQL on H2 and PostgreSQL. */
abstract class PowersOfAttorneyContract {

    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate TO = LocalDate.of(2027, 2, 28);

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PowersOfAttorney powers;

    Customer customer;

    @BeforeEach
    void aCompanyPayer() {
        customer = data.newCustomer("USD");
    }

    @Test
    void an_accepted_power_of_attorney_is_valid_within_its_dates_for_its_individual_whatever_the_case_and_spaces() {
        grant(customer.company(), "Ivan Petrov", "ACCEPTED");

        assertThat(powers.validFor(customer.company(), "Ivan Petrov", FROM)).isTrue();
        assertThat(powers.validFor(customer.company(), "  IVAN   petrov ", TO)).isTrue();
        assertThat(powers.validFor(customer.company(), "IVANPETROV", LocalDate.of(2026, 9, 1))).isTrue();
        assertThat(powers.validFor(customer.company(), "Ivan Petrov", FROM.minusDays(1))).isFalse();
        assertThat(powers.validFor(customer.company(), "Ivan Petrov", TO.plusDays(1))).isFalse();
        assertThat(powers.validFor(customer.company(), "Ivan Petrova", FROM)).isFalse();
        assertThat(powers.validFor(customer.person(), "Ivan Petrov", FROM)).as("another payer").isFalse();
    }

    @Test
    void one_waiting_for_review_or_rejected_is_not_valid() {
        grant(customer.company(), "Anna Waiting", "PENDING");
        grant(customer.company(), "Boris Rejected", "REJECTED");

        assertThat(powers.validFor(customer.company(), "Anna Waiting", FROM)).isFalse();
        assertThat(powers.validFor(customer.company(), "Boris Rejected", FROM)).isFalse();
    }

    @Test
    void the_bulk_question_answers_many_candidates_at_once_in_their_order() {
        Customer other = data.newCustomer("USD");
        grant(customer.company(), "Ivan Petrov", "ACCEPTED");
        grant(other.company(), "Olga Sidorova", "ACCEPTED");
        var ivan = new PowersOfAttorney.Candidate(customer.company(), "ivan petrov");
        var olga = new PowersOfAttorney.Candidate(other.company(), "Olga Sidorova");
        var stranger = new PowersOfAttorney.Candidate(other.company(), "Ivan Petrov");
        var noPayer = new PowersOfAttorney.Candidate(PayerId.random(), "Olga Sidorova");

        assertThat(powers.validAmong(List.of(stranger, olga, noPayer, ivan), FROM)).containsExactly(olga, ivan);
        assertThat(powers.validAmong(List.of(), FROM)).isEmpty();
    }

    void grant(PayerId payer, String name, String status) {
        UUID file = UUID.randomUUID();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into document_file (id, account_id, file_name, content_type, size_bytes, content,
                          uploaded_by, uploaded_at) values (?, ?, 'poa.pdf', 'application/pdf', 4, ?, ?, ?)""")
                .params(file, customer.accountId().value(), new byte[] {'%', 'P', 'D', 'F'},
                        customer.userId().value(), now)
                .update();
        UUID accountId = jdbc.sql("select account_id from payer where id = ?").param(payer.value())
                .query(UUID.class).single();
        jdbc.sql("""
                        insert into power_of_attorney (id, account_id, payer_id, individual_name, name_key, valid_from,
                          valid_to, file_id, status, uploaded_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(UUID.randomUUID(), accountId, payer.value(), name, PersonName.key(name), FROM, TO, file,
                        status, now)
                .update();
    }
}
