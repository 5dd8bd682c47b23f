@NullMarked
package dev.billfold.account.ui;

import org.jspecify.annotations.NullMarked;
