@NullMarked
package dev.billfold;

import org.jspecify.annotations.NullMarked;
