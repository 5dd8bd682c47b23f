package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Texts;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Methods by country and payer type (issue 19, part 4; DD-091) with the defaults of application.properties: the list
 * a payer is offered, the note for what is withheld, and the service refusing a withheld method with nothing created,
 * whatever the page offered.
 */
abstract class MethodRulesContract {

    @Autowired
    TopUpService topUps;
    @Autowired
    TestData data;

    Customer customer;

    @AfterEach
    void signOut() {
        TestData.signOut();
    }

    @Test
    void an_individual_in_kazakhstan_may_not_pay_by_invoice_and_is_told_why_while_companies_may() {
        customer = signedInCustomer("KZT", "KZ");

        assertThat(topUps.methodsFor(customer.person())).extracting(MethodOption::choice)
                .noneMatch(MethodChoice.Invoice.class::isInstance);
        assertThat(topUps.methodNotes(customer.person())).extracting(note -> Texts.shipped().text("en", note.key(),
                note.params())).containsExactly(
                "Bank transfer by invoice is offered in Kazakhstan to companies and sole proprietors only.");
        assertThat(topUps.methodsFor(customer.company())).extracting(MethodOption::choice)
                .anyMatch(MethodChoice.Invoice.class::isInstance);
        assertThat(topUps.methodNotes(customer.company())).isEmpty();

        assertThatThrownBy(() -> topUps.topUp(new TopUpRequest(customer.person(), "10000", new MethodChoice.Invoice(),
                false, UUID.randomUUID().toString())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Bank transfer by invoice is offered in Kazakhstan to companies and sole proprietors only. "
                        + "Choose another method.");
        assertThat(data.payments(customer.accountId())).isZero();
        assertThat(topUps.topUp(new TopUpRequest(customer.company(), "10000", new MethodChoice.Invoice(), false,
                UUID.randomUUID().toString()))).isInstanceOf(TopUpOutcome.Completed.class);
    }

    @Test
    void a_country_without_an_entry_is_offered_every_method() {
        customer = signedInCustomer("USD", "US");

        assertThat(topUps.methodsFor(customer.person())).extracting(MethodOption::label)
                .contains("Card (demo checkout)", "Invoice (bank transfer)");
        assertThat(topUps.methodNotes(customer.person())).isEmpty();
    }

    @Test
    void uzbekistan_offers_cards_and_bank_transfer_to_every_payer() {
        customer = signedInCustomer("UZS", "UZ");

        assertThat(topUps.methodsFor(customer.person())).extracting(MethodOption::label)
                .containsExactly("Card (demo checkout)", "Invoice (bank transfer)");
    }

    private Customer signedInCustomer(String currency, String country) {
        Customer created = data.newCustomer(currency, "OWNER", country);
        TestData.signIn(created.username());
        return created;
    }
}
