/** The language switcher the frame and the sign-in page show, and the page language a new page opens in. */
@NullMarked
@NamedInterface("ui")
package dev.billfold.language.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
