package dev.billfold.payment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentRow;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.ui.KaribuTest;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The note beside a payment's status (its refunds, its dispute) is in the reader's language, money and all. */
class PaymentHistoryNotesViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    TopUpService topUps;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_part_refund_and_a_pending_one_read_in_russian_and_stay_english_for_the_logs() {
        Customer customer = data.newCustomer("USD");
        signIn(customer.username());
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        var paid = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "100",
                new MethodChoice.Saved(card), false, UUID.randomUUID().toString()));
        refund(paid.paymentId(), "30.00", "SUCCEEDED");
        refund(paid.paymentId(), "20.00", "PENDING");

        UI.getCurrent().setLocale(Locale.of("ru"));
        UI.getCurrent().navigate(PaymentHistoryView.class);
        NavigatorKt.expectView(PaymentHistoryView.class);
        Grid<PaymentRow> grid = history();

        // Karibu reads the rendered cell as text, the non-breaking spaces of the money as plain ones.
        assertThat(GridKt._getFormattedRow(grid, 0)).anySatisfy(cell -> assertThat(cell)
                .contains("Возвращено 30,00 $ из 100,00 $; ещё 20,00 $ в обработке"));
        assertThat(GridKt._get(grid, 0).statusNote()).isEqualTo("Refunded $30.00 of $100.00; $20.00 more pending");
        assertThat(GridKt._getFormattedRow(grid, 0)).as("a saved method's label is data").contains("Visa •••• 4242, 12/30");

        UI.getCurrent().setLocale(Locale.of("kk"));
        assertThat(GridKt._getFormattedRow(grid, 0)).as("re-rendered on the switch").anySatisfy(cell -> assertThat(cell)
                .contains("100,00 $ ішінен 30,00 $ қайтарылды; тағы 20,00 $ өңделуде"));
    }

    @Test
    void an_invoice_is_named_in_russian_in_the_method_column() {
        Customer customer = data.newCustomer("USD");
        signIn(customer.username());
        topUps.topUp(new TopUpRequest(customer.person(), "100", new MethodChoice.Invoice(), false,
                UUID.randomUUID().toString()));

        UI.getCurrent().setLocale(Locale.of("ru"));
        UI.getCurrent().navigate(PaymentHistoryView.class);
        Grid<PaymentRow> grid = history();

        String english = GridKt._get(grid, 0).methodLabel();
        assertThat(english).startsWith("Invoice ");
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Счёт " + english.substring("Invoice ".length()));
    }

    /** A refund of the payment as the provider's news records it: the history reads these rows. */
    private void refund(PaymentId payment, String amount, String state) {
        jdbc.sql("""
                insert into payment_refund (id, payment_id, provider, provider_refund_id, amount_value, amount_currency,
                                            state, funding, debited, returned, created_at, updated_at)
                values (?, ?, 'demo', ?, ?, 'USD', ?, 'DEBIT', true, false, current_timestamp, current_timestamp)""")
                .params(UUID.randomUUID(), payment.value(), "re_" + UUID.randomUUID(), new BigDecimal(amount), state)
                .update();
    }

    @SuppressWarnings("unchecked")
    private static Grid<PaymentRow> history() {
        return _get(Grid.class, spec -> spec.withId("history-grid"));
    }
}
