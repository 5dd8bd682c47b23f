/**
 * The document pages: the payment-order section of a waiting invoice's detail, the customer's powers of attorney,
 * and the back office's two review queues (DD-068).
 */
@NullMarked
package dev.billfold.document.ui;

import org.jspecify.annotations.NullMarked;
