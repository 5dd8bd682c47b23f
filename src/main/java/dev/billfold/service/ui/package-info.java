@NullMarked
package dev.billfold.service.ui;

import org.jspecify.annotations.NullMarked;
