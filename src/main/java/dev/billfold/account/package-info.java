@NullMarked
package dev.billfold.account;

import org.jspecify.annotations.NullMarked;
