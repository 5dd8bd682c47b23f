package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.base.Money;
import org.junit.jupiter.api.Test;

/** Totals in words at the amounts where grammar turns: one, few, many, the teens, thousands, millions (DD-097). */
class AmountInWordsTest {

    private static String words(String language, String amount, String currency) {
        return AmountInWords.in(language, Money.of(amount, currency));
    }

    @Test
    void russian_picks_the_plural_and_the_gender_of_the_currency_noun() {
        assertThat(words("ru", "0.01", "USD")).isEqualTo("ноль долларов США 01 цент");
        assertThat(words("ru", "1", "USD")).isEqualTo("один доллар США 00 центов");
        assertThat(words("ru", "2", "USD")).isEqualTo("два доллара США 00 центов");
        assertThat(words("ru", "5", "USD")).isEqualTo("пять долларов США 00 центов");
        assertThat(words("ru", "11", "USD")).isEqualTo("одиннадцать долларов США 00 центов");
        assertThat(words("ru", "21", "USD")).isEqualTo("двадцать один доллар США 00 центов");
        assertThat(words("ru", "1000", "USD")).isEqualTo("одна тысяча долларов США 00 центов");
        assertThat(words("ru", "250.00", "USD")).isEqualTo("двести пятьдесят долларов США 00 центов");
        assertThat(words("ru", "1000000.99", "USD")).isEqualTo("один миллион долларов США 99 центов");
        assertThat(words("ru", "2.02", "USD")).isEqualTo("два доллара США 02 цента");
        assertThat(words("ru", "1.00", "EUR")).isEqualTo("одно евро 00 центов");
        assertThat(words("ru", "21.11", "KZT")).isEqualTo("двадцать один казахский тенге 11 тиынов");
        assertThat(AmountInWords.totalLine("ru", Money.of("250.00", "USD")))
                .isEqualTo("Всего к оплате: двести пятьдесят долларов США 00 центов");
    }

    @Test
    void kazakh_uses_icu_spellout_and_the_noun_stays_singular_after_a_numeral() {
        assertThat(words("kk", "0.01", "KZT")).isEqualTo("нөл Қазақстан теңгесі 01 тиын");
        assertThat(words("kk", "1", "KZT")).isEqualTo("бір Қазақстан теңгесі 00 тиын");
        assertThat(words("kk", "2", "USD")).isEqualTo("екі АҚШ доллары 00 цент");
        assertThat(words("kk", "5", "USD")).isEqualTo("бес АҚШ доллары 00 цент");
        assertThat(words("kk", "11", "USD")).isEqualTo("он бір АҚШ доллары 00 цент");
        assertThat(words("kk", "21", "USD")).isEqualTo("жиырма бір АҚШ доллары 00 цент");
        assertThat(words("kk", "1000", "KZT")).isEqualTo("мың Қазақстан теңгесі 00 тиын");
        assertThat(words("kk", "250.00", "USD")).isEqualTo("екі жүз елу АҚШ доллары 00 цент");
        assertThat(words("kk", "1000000.99", "KZT")).isEqualTo("миллион Қазақстан теңгесі 99 тиын");
    }

    @Test
    void uzbek_is_written_here_with_the_letters_of_the_latin_alphabet() {
        assertThat(words("uz", "0.01", "UZS")).isEqualTo("nol Oʻzbekiston soʻmi 01 tiyin");
        assertThat(words("uz", "1", "UZS")).isEqualTo("bir Oʻzbekiston soʻmi 00 tiyin");
        assertThat(words("uz", "2", "USD")).isEqualTo("ikki AQSH dollari 00 sent");
        assertThat(words("uz", "5", "USD")).isEqualTo("besh AQSH dollari 00 sent");
        assertThat(words("uz", "11", "USD")).isEqualTo("oʻn bir AQSH dollari 00 sent");
        assertThat(words("uz", "21", "USD")).isEqualTo("yigirma bir AQSH dollari 00 sent");
        assertThat(words("uz", "1000", "UZS")).isEqualTo("bir ming Oʻzbekiston soʻmi 00 tiyin");
        assertThat(words("uz", "250.00", "USD")).isEqualTo("ikki yuz ellik AQSH dollari 00 sent");
        assertThat(words("uz", "1000000.99", "UZS")).isEqualTo("bir million Oʻzbekiston soʻmi 99 tiyin");
        assertThat(words("uz", "1234567", "UZS")).startsWith("bir million ikki yuz oʻttiz toʻrt ming besh yuz "
                + "oltmish yetti ");
        assertThat(words("uz", "40.00", "USD")).doesNotContain("'", "‘");
    }

    @Test
    void english_keeps_its_words() {
        assertThat(words("en", "0.01", "USD")).isEqualTo("zero US dollars 01 cent");
        assertThat(words("en", "1", "USD")).isEqualTo("one US dollar 00 cents");
        assertThat(words("en", "2", "USD")).isEqualTo("two US dollars 00 cents");
        assertThat(words("en", "5", "USD")).isEqualTo("five US dollars 00 cents");
        assertThat(words("en", "11", "USD")).isEqualTo("eleven US dollars 00 cents");
        assertThat(words("en", "21", "USD")).isEqualTo("twenty-one US dollars 00 cents");
        assertThat(words("en", "1000", "USD")).isEqualTo("one thousand US dollars 00 cents");
        assertThat(words("en", "250.00", "USD")).isEqualTo("two hundred fifty US dollars 00 cents");
        assertThat(words("en", "1000000.99", "USD")).isEqualTo("one million US dollars 99 cents");
    }

    @Test
    void a_currency_without_a_minor_noun_writes_its_fraction() {
        assertThat(words("ru", "3.50", "CHF")).endsWith(" 50/100");
    }
}
