@NullMarked
package dev.billfold.paymentmethod.ui;

import org.jspecify.annotations.NullMarked;
