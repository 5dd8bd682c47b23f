package dev.billfold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.base.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Stored English audit lines re-read in the reader's language, and left as stored where no pattern reads them. */
class AuditTextsTest {

    private static final Locale RUSSIAN = Locale.of("ru");
    private static final Locale KAZAKH = Locale.of("kk");
    private final Texts texts = Texts.shipped();
    private final AuditTexts audit = new AuditTexts(texts);

    @Test
    void a_line_of_a_known_action_reads_in_russian_and_kazakh_with_its_names_and_amounts_as_stored() {
        assertThat(audit.text(RUSSIAN, "account.payer.added", "Added the payer Pat Company Ltd"))
                .isEqualTo("Добавлен плательщик Pat Company Ltd");
        assertThat(audit.text(KAZAKH, "refund.failed", "Refund of $30.00 to Visa •••• 4242 failed; returned to "
                + "the balance")).isEqualTo("$30.00 қайтару өтпеді (Visa •••• 4242); сома балансқа қайтарылды");
        assertThat(audit.text(RUSSIAN, "document.payment-order.uploaded", "Sent the payment order order.pdf for "
                + "invoice BF-2026-0001")).isEqualTo("Отправлено платёжное поручение order.pdf по счёту BF-2026-0001");
    }

    @Test
    void where_the_words_differ_by_case_the_case_that_matches_is_read() {
        assertThat(audit.text(RUSSIAN, "paymentmethod.added", "Saved the method Visa •••• 4242, 12/30 while paying"))
                .isEqualTo("Способ оплаты Visa •••• 4242, 12/30 сохранён при оплате");
        assertThat(audit.text(RUSSIAN, "paymentmethod.added", "Saved the method Visa •••• 4242, 12/30"))
                .isEqualTo("Сохранён способ оплаты Visa •••• 4242, 12/30");
        assertThat(audit.text(KAZAKH, "hosting.auto-renew.switched", "Switched auto-renewal off for VPS"))
                .isEqualTo("VPS үшін автоұзарту өшірілді");
        assertThat(audit.text(RUSSIAN, "account.invitation.sent", "Invited ann@example.com as Billing"))
                .isEqualTo("Отправлено приглашение ann@example.com с ролью «Оплата»");
        assertThat(audit.text(RUSSIAN, "adjustment.posted", "Balance debited $5.00: Balance carried over"))
                .isEqualTo("С баланса списано $5.00: перенос баланса");
    }

    @Test
    void a_line_no_pattern_reads_shows_as_stored_for_the_record() {
        assertThat(audit.text(RUSSIAN, "account.payer.added", "Payer Pat added (the wording of an older release)"))
                .isEqualTo("Payer Pat added (the wording of an older release)");
        assertThat(audit.text(RUSSIAN, "no.such.action", "Something happened")).isEqualTo("Something happened");
        assertThat(audit.text(Locale.ENGLISH, "account.payer.added", "Added the payer Pat"))
                .isEqualTo("Added the payer Pat");
    }

    @Test
    void the_sides_of_a_change_read_in_the_readers_language_where_they_are_words_and_stay_as_stored_where_data() {
        assertThat(audit.change(RUSSIAN, "Off", "On")).isEqualTo("Выкл. \u2192 Вкл.");
        assertThat(audit.change(KAZAKH, "Balance $10.00", "Balance $15.00"))
                .isEqualTo("Баланс $10.00 \u2192 Баланс $15.00");
        assertThat(audit.change(RUSSIAN, "Awaiting approval", "Declined: nothing posted"))
                .isEqualTo("Ожидает одобрения \u2192 Отклонено: ничего не проведено");
        assertThat(audit.change(RUSSIAN, null, "Visa •••• 4242, 12/30")).isEqualTo("\u2192 Visa •••• 4242, 12/30");
        assertThat(audit.change(RUSSIAN, "Pat Person", "Archived; default: Pat Company Ltd"))
                .isEqualTo("Pat Person \u2192 В архиве; основной: Pat Company Ltd");
        assertThat(audit.change(RUSSIAN, null, null)).isEmpty();
    }

    /** Every pattern reads back its own English line, so each key is reachable and none is shadowed by another. */
    @Test
    void every_english_pattern_reads_back_what_it_writes_and_yields_the_translation() {
        List<String> faults = new ArrayList<>();
        texts.patterns("en", AuditTexts.PREFIX).forEach((key, english) -> {
            String name = key.substring(AuditTexts.PREFIX.length());
            String action = name.contains("~") ? name.substring(0, name.indexOf('~')) : name;
            Object[] arguments = IntStream.range(0, 4).mapToObj(i -> "«arg " + i + "»").toArray();
            String stored = texts.text("en", key, arguments);
            String expected = texts.text("ru", key, arguments);
            String read = audit.text(RUSSIAN, action, stored);
            if (!read.equals(expected)) {
                faults.add(key + ": read " + read + ", expected " + expected);
            }
        });
        texts.patterns("en", AuditTexts.VALUES).forEach((key, english) -> {
            Object[] arguments = {"«arg 0»"};
            String stored = texts.text("en", key, arguments);
            String expected = texts.text("ru", key, arguments);
            String read = audit.change(RUSSIAN, stored, null);
            if (!read.equals(expected + " \u2192")) {
                faults.add(key + ": read " + read + ", expected " + expected);
            }
        });
        assertThat(faults).isEmpty();
        assertThat(texts.patterns("en", AuditTexts.PREFIX)).hasSizeGreaterThan(50);
    }
}
