package dev.billfold.paymentmethod;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;

/**
 * Whether the account's auto-renewal tops up from this payer's default method. Implemented by the services feature,
 * which depends on this one, so that the methods page can warn before the default is removed without a cycle.
 */
public interface AutoRenewalUse {

    /** How many auto-renewing services may be topped up from the payer's default method; 0 when none. */
    int servicesToppedUpFrom(AccountId accountId, PayerId payerId);
}
