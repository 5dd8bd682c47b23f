package dev.billfold.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.vaadin.flow.component.UI;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.adjustment.AdjustmentCategory;
import dev.billfold.adjustment.AdjustmentDirection;
import dev.billfold.adjustment.AdjustmentRequest;
import dev.billfold.adjustment.AdjustmentService;
import dev.billfold.apikey.ApiKeyDraft;
import dev.billfold.apikey.ApiKeys;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.ops.AccountNotes;
import dev.billfold.refund.RefundDesk;
import dev.billfold.refund.RefundPartId;
import dev.billfold.ui.KaribuTest;
import dev.billfold.webhook.EndpointDraft;
import dev.billfold.webhook.EventType;
import dev.billfold.webhook.WebhookEndpoints;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The back office's services refuse in the language of the page that asks (getLocalizedMessage), and keep the English
 * message for the logs and the API (getMessage).
 */
class StaffRefusalsInTheReadersLanguageTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    AdjustmentService adjustments;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    WebhookEndpoints webhooks;
    @Autowired
    RefundDesk refunds;
    @Autowired
    AccountNotes notes;

    String staff;

    @BeforeEach
    void aRussianPage() {
        staff = data.newStaffUser();
        UI.getCurrent().setLocale(Locale.of("ru"));
    }

    @Test
    void an_adjustments_refusals_read_in_russian_with_the_amount_in_russian() {
        Customer customer = data.newCustomer("USD");
        signInStaff(staff, StaffRole.FINANCE);

        var empty = refusal(() -> adjustments.request(credit(customer, "", "n")));
        assertThat(empty.getMessage()).isEqualTo("Enter an amount. Enter an amount up to $100,000.00.");
        assertThat(empty.getLocalizedMessage()).isEqualTo("Введите сумму. Введите сумму до 100\u00A0000,00\u00A0$.");
        assertThat(refusal(() -> adjustments.request(credit(customer, "10.00", " "))).getLocalizedMessage())
                .isEqualTo("Напишите примечание: что произошло и почему.");
    }

    @Test
    void adjustments_in_a_currency_without_settings_name_the_currency_instead_of_a_literal_placeholder() {
        Customer customer = data.newCustomer("GBP");
        signInStaff(staff, StaffRole.FINANCE);

        var refused = refusal(() -> adjustments.request(credit(customer, "10.00", "n")));
        assertThat(refused.getMessage()).isEqualTo("Balance adjustments in GBP are not configured "
                + "(billfold.adjustments.approval-above and max).");
        assertThat(refused.getLocalizedMessage()).isEqualTo("Корректировки баланса в GBP не настроены "
                + "(billfold.adjustments.approval-above и max).");
    }

    @Test
    void api_key_and_webhook_refusals_read_in_russian() {
        signInStaff(staff, StaffRole.ADMIN);

        assertThat(refusal(() -> apiKeys.create(new ApiKeyDraft(" ", Set.of(), null))).getLocalizedMessage())
                .isEqualTo("Назовите ключ: какая система им пользуется.");
        var userInUrl = refusal(() -> webhooks.create(new EndpointDraft("https://user:secret@hooks.example.com/in",
                "", List.of(EventType.values()[0]))));
        assertThat(userInUrl.getMessage()).isEqualTo("The URL must not carry a user name or password.");
        assertThat(userInUrl.getLocalizedMessage()).isEqualTo("В URL не должно быть имени пользователя или пароля.");
        assertThat(refusal(() -> webhooks.create(new EndpointDraft("https://hooks.example.com/in", "",
                List.of()))).getLocalizedMessage()).isEqualTo("Выберите хотя бы один тип события.");
    }

    @Test
    void the_refund_desks_refusals_read_in_russian() {
        signInStaff(staff, StaffRole.FINANCE);

        var noReference = refusal(() -> refunds.recordPayout(RefundPartId.random(), "  "));
        assertThat(noReference.getMessage()).isEqualTo("Enter the bank transfer's reference.");
        assertThat(noReference.getLocalizedMessage()).isEqualTo("Введите референс банковского перевода.");
        assertThat(refusal(() -> refunds.recordPayout(RefundPartId.random(), "TRX-1")).getLocalizedMessage())
                .isEqualTo("Такой выплаты нет.");
    }

    @Test
    void a_note_without_words_is_refused_in_russian() {
        Customer customer = data.newCustomer("USD");
        signInStaff(staff, StaffRole.SUPPORT);

        var empty = refusal(() -> notes.add(customer.accountId(), "  ", false));
        assertThat(empty.getMessage()).isEqualTo("Write the note first.");
        assertThat(empty.getLocalizedMessage()).isEqualTo("Сначала напишите заметку.");
    }

    private static AdjustmentRequest credit(Customer customer, String amount, String note) {
        return new AdjustmentRequest(customer.accountId(), AdjustmentDirection.CREDIT, amount,
                AdjustmentCategory.GOODWILL, note);
    }

    private static InvalidRequestException refusal(Runnable call) {
        return catchThrowableOfType(InvalidRequestException.class, call::run);
    }
}
