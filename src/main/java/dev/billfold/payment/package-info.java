@NullMarked
package dev.billfold.payment;

import org.jspecify.annotations.NullMarked;
