/**
 * M-Pesa (Safaricom Daraja) behind {@link dev.billfold.gateway.PaymentGateway}: the STK push, its query and its
 * callback, over the JDK's HTTP client (Daraja has no Java SDK). DD-088, DD-089.
 */
@NullMarked
package dev.billfold.gateway.mpesa;

import org.jspecify.annotations.NullMarked;
