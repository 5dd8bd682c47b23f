/**
 * The customer's payment pages. Other features add to a payment's detail through
 * {@link dev.billfold.payment.ui.PaymentDetailSection} beans.
 */
@NullMarked
@NamedInterface("ui")
package dev.billfold.payment.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
