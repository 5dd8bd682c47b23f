@NullMarked
package dev.billfold.refund.ui;

import org.jspecify.annotations.NullMarked;
