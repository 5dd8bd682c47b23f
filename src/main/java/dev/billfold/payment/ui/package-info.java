@NullMarked
package dev.billfold.payment.ui;

import org.jspecify.annotations.NullMarked;
