package dev.billfold.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountNumberTest {

    @Test
    void the_check_digits_are_iso_7064_mod_97_10_as_the_migration_computes_them() {
        // The demo accounts' numbers, computed in SQL by the same formula.
        assertThat(AccountNumber.of(1_000_001)).isEqualTo("100000114");
        assertThat(AccountNumber.of(1_000_002)).isEqualTo("100000211");
        assertThat(AccountNumber.isValid("100000114")).isTrue();
    }

    @Test
    void every_single_typo_and_every_swap_of_neighbours_is_caught() {
        for (long base = 1_000_000; base < 1_003_000; base++) {
            String number = AccountNumber.of(base);
            assertThat(AccountNumber.isValid(number)).isTrue();
            char[] digits = number.toCharArray();
            for (int i = 0; i < digits.length; i++) {
                for (char other = '0'; other <= '9'; other++) {
                    if (other != digits[i]) {
                        char[] typo = digits.clone();
                        typo[i] = other;
                        assertThat(AccountNumber.isValid(new String(typo))).as(new String(typo)).isFalse();
                    }
                }
                if (i + 1 < digits.length && digits[i] != digits[i + 1]) {
                    char[] swapped = digits.clone();
                    swapped[i] = digits[i + 1];
                    swapped[i + 1] = digits[i];
                    assertThat(AccountNumber.isValid(new String(swapped))).as(new String(swapped)).isFalse();
                }
            }
        }
    }

    @Test
    void malformed_text_is_not_a_number_and_a_base_has_seven_digits() {
        assertThat(AccountNumber.isValid(null)).isFalse();
        assertThat(AccountNumber.isValid("10000011")).isFalse();
        assertThat(AccountNumber.isValid("10000011a")).isFalse();
        assertThatThrownBy(() -> AccountNumber.of(999_999)).isInstanceOf(IllegalArgumentException.class);
    }
}
