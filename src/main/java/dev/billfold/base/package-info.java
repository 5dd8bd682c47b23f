@NullMarked
package dev.billfold.base;

import org.jspecify.annotations.NullMarked;
