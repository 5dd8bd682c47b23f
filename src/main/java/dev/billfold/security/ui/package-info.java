@NullMarked
package dev.billfold.security.ui;

import org.jspecify.annotations.NullMarked;
