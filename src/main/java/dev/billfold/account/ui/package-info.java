/** The account switcher, the payer switcher and their events: the part of the account UI other features' views use. */
@NullMarked
@NamedInterface("ui")
package dev.billfold.account.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
