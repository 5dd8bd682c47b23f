@NullMarked
package dev.billfold.language.ui;

import org.jspecify.annotations.NullMarked;
