/** The sign-in page, and the controls other features may put on it ({@code SignInPageControl}). */
@NullMarked
@NamedInterface("ui")
package dev.billfold.security.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
