/**
 * Documents customers send in for staff to review: payment orders (proof that a bank transfer was made, which Finance
 * may conditionally credit) and powers of attorney (an individual who may pay for a company or sole-proprietor payer).
 * Depends on payment, account, staff and the bank's money API; nothing depends on it but the statement matching's
 * {@link dev.billfold.document.PowersOfAttorney#validFor} (DD-068).
 */
@NullMarked
package dev.billfold.document;

import org.jspecify.annotations.NullMarked;
