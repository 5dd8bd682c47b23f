@NullMarked
package dev.billfold.hosting.ui;

import org.jspecify.annotations.NullMarked;
