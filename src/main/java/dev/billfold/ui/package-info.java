@NullMarked
package dev.billfold.ui;

import org.jspecify.annotations.NullMarked;
