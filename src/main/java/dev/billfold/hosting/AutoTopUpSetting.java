package dev.billfold.hosting;

import dev.billfold.account.PayerId;
import org.jspecify.annotations.Nullable;

/**
 * Whether the auto-renewal job may top up a short balance from {@code payerId}'s default saved method. Off unless an
 * Owner or Billing member switched it on.
 */
public record AutoTopUpSetting(boolean enabled, @Nullable PayerId payerId) {
}
