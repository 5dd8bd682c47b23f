/** Shared value types (money, typed ids, exceptions) and UI pieces; an open module every feature may use in full. */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.billfold.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
