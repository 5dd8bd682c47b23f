/**
 * Which cards may pay (issue 19, part 2; DD-090): the issuing countries refused per account country, from
 * configuration. Depends on base and libraries only; the payment and payment-method features ask it when a provider
 * names a card's country.
 */
@NullMarked
package dev.billfold.cardcountry;

import org.jspecify.annotations.NullMarked;
