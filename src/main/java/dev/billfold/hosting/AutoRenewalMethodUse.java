package dev.billfold.hosting;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.paymentmethod.AutoRenewalUse;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the methods page which payer's default method the auto-renewal job tops up from. */
@Component
class AutoRenewalMethodUse implements AutoRenewalUse {

    private final RenewalSettingsStore settings;

    AutoRenewalMethodUse(RenewalSettingsStore settings) {
        this.settings = settings;
    }

    @Override
    @Transactional(readOnly = true)
    public int servicesToppedUpFrom(AccountId accountId, PayerId payerId) {
        return settings.autoRenewingServicesToppedUpFrom(accountId, payerId);
    }
}
