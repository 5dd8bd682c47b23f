@NullMarked
package dev.billfold.base.ui;

import org.jspecify.annotations.NullMarked;
