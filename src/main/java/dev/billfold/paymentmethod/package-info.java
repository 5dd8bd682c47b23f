@NullMarked
package dev.billfold.paymentmethod;

import org.jspecify.annotations.NullMarked;
