package dev.billfold.statement;

import dev.billfold.account.AccountNumber;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerType;
import dev.billfold.document.PowersOfAttorney;
import dev.billfold.payment.BankAccount;
import dev.billfold.payment.BankInvoice;
import dev.billfold.payment.BankReceipt;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Issue 15's matching rules 1 to 4 for one entry (DD-063), given the invoices and accounts its purpose names and the
 * powers of attorney on file. It decides only; the bank payments' batch applies the decision under the payment's
 * lock, and may still hold it (an invoice no longer waiting, another currency).
 */
final class EntryMatcher {

    private static final Pattern INVOICE = Pattern.compile("(?i)\\bINV-[A-Z0-9]{1,16}-[0-9]{4,12}\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{8}(?![0-9])");
    private static final Pattern PERSONAL_NUMBER = Pattern.compile(
            "(?i)personal\\s+account\\s+(?:number|no\\.?)\\s*:?\\s*([1-9][0-9]{8})(?![0-9])");

    private EntryMatcher() {
    }

    /** The invoices and accounts of a batch, found by the numbers its entries name. */
    record Lookups(Map<String, BankInvoice> invoices, Map<String, BankAccount> accounts) {
    }

    /** What to do with an entry: a receipt for the bank, or a result kept here. */
    sealed interface Decision {
        /** {@code detail} is what the report says if the bank applies it as decided. */
        record Receipt(BankReceipt.Decision decision, String detail) implements Decision {
        }

        record Local(EntryOutcome outcome, String detail) implements Decision {
        }
    }

    static Set<String> invoiceNumbers(StatementEntry entry) {
        Set<String> numbers = new LinkedHashSet<>();
        Matcher matcher = INVOICE.matcher(entry.remittance());
        while (matcher.find()) {
            numbers.add(matcher.group().toUpperCase(Locale.ROOT));
        }
        return numbers;
    }

    /** Valid account numbers in the purpose, those after "personal account number" first. */
    static Set<String> accountNumbers(StatementEntry entry) {
        Set<String> numbers = new LinkedHashSet<>(personalNumbers(entry.remittance()));
        Matcher matcher = NUMBER.matcher(entry.remittance());
        while (matcher.find()) {
            if (AccountNumber.isValid(matcher.group())) {
                numbers.add(matcher.group());
            }
        }
        return numbers;
    }

    private static Set<String> personalNumbers(String text) {
        Set<String> numbers = new LinkedHashSet<>();
        Matcher matcher = PERSONAL_NUMBER.matcher(text);
        while (matcher.find()) {
            if (AccountNumber.isValid(matcher.group(1))) {
                numbers.add(matcher.group(1));
            }
        }
        return numbers;
    }

    static Decision decide(StatementEntry entry, Lookups lookups,
                           Predicate<PowersOfAttorney.Candidate> attorney) {
        if (!entry.credit()) {
            return new Decision.Local(EntryOutcome.IGNORED, entry.booked() ? "A debit: not matched."
                    : "A reversal: not matched.");
        }
        if (!entry.booked()) {
            return new Decision.Local(EntryOutcome.IGNORED, "Not booked yet: not matched.");
        }
        String missing = null;
        for (String number : invoiceNumbers(entry)) {
            BankInvoice invoice = lookups.invoices().get(number);
            if (invoice == null) {
                missing = missing == null ? number : missing;
                continue;
            }
            return invoice(entry, invoice, attorney);
        }
        for (String number : accountNumbers(entry)) {
            BankAccount account = lookups.accounts().get(number);
            if (account != null) {
                return account(entry, account, attorney);
            }
        }
        return new Decision.Local(EntryOutcome.UNMATCHED, missing != null
                ? "Invoice " + missing + " was not found, and no account number either."
                : "No invoice number or account number was found in the purpose.");
    }

    /** Rules 1 and 2. */
    private static Decision invoice(StatementEntry entry, BankInvoice invoice,
                                    Predicate<PowersOfAttorney.Candidate> attorney) {
        if (!invoice.amount().currency().equals(entry.amount().currency())) {
            return new Decision.Local(EntryOutcome.UNMATCHED, "Invoice %s is in %s; the entry is in %s."
                    .formatted(invoice.invoiceNumber(), invoice.amount().currencyCode(),
                            entry.amount().currencyCode()));
        }
        if (!invoice.amount().equals(entry.amount())) {
            String reason = "Received %s of %s %s.".formatted(entry.amount().value().toPlainString(),
                    invoice.amount().value().toPlainString(), invoice.amount().currencyCode());
            return new Decision.Receipt(new BankReceipt.HoldInvoice(invoice.paymentId(), reason),
                    "Invoice " + invoice.invoiceNumber() + " held: " + reason);
        }
        Party payer = new Party(invoice.payerId(), invoice.payerName(), invoice.payerTaxId(), invoice.payerKind());
        Judgement judgement = judge(entry, payer, invoice.accountName(), invoice.accountNumber(), attorney);
        String where = "Invoice " + invoice.invoiceNumber();
        return switch (judgement) {
            case Judgement.Payer p -> new Decision.Receipt(new BankReceipt.CreditInvoice(invoice.paymentId(), null),
                    where + " credited.");
            case Judgement.ThirdParty t -> new Decision.Receipt(
                    new BankReceipt.CreditInvoice(invoice.paymentId(), t.name()),
                    where + " credited; paid by a third party: " + t.name() + ".");
            case Judgement.Hold h -> new Decision.Receipt(new BankReceipt.HoldInvoice(invoice.paymentId(), h.reason()),
                    where + " held: " + h.reason());
        };
    }

    /** Rule 3: a new bank-transfer payment for the account named, through the same payer and third-party rules. */
    private static Decision account(StatementEntry entry, BankAccount account,
                                    Predicate<PowersOfAttorney.Candidate> attorney) {
        String where = "Account " + account.accountNumber();
        for (BankAccount.Payer payer : account.payers()) {
            if (isPayer(entry, new Party(payer.payerId(), payer.name(), payer.taxId(), payer.kind()))) {
                return new Decision.Receipt(new BankReceipt.CreditAccount(account.accountId(), payer.payerId(), null),
                        where + " credited as a new payment.");
            }
        }
        BankAccount.Payer fallback = account.payers().stream().filter(BankAccount.Payer::isDefault).findFirst()
                .orElse(account.payers().isEmpty() ? null : account.payers().getFirst());
        if (fallback == null) {
            return new Decision.Local(EntryOutcome.UNMATCHED, where + " has no active payer.");
        }
        Party payer = new Party(fallback.payerId(), fallback.name(), fallback.taxId(), fallback.kind());
        return switch (judge(entry, payer, account.accountName(), account.accountNumber(), attorney)) {
            case Judgement.Payer p -> new Decision.Receipt(
                    new BankReceipt.CreditAccount(account.accountId(), fallback.payerId(), null),
                    where + " credited as a new payment.");
            case Judgement.ThirdParty t -> new Decision.Receipt(
                    new BankReceipt.CreditAccount(account.accountId(), fallback.payerId(), t.name()),
                    where + " credited as a new payment; paid by a third party: " + t.name() + ".");
            case Judgement.Hold h -> new Decision.Receipt(
                    new BankReceipt.HoldAccount(account.accountId(), fallback.payerId(), h.reason()),
                    where + ": a new payment held: " + h.reason());
        };
    }

    private record Party(PayerId payerId, String name, @Nullable String taxId, PayerType kind) {
    }

    private sealed interface Judgement {
        record Payer() implements Judgement {
        }

        record ThirdParty(String name) implements Judgement {
        }

        record Hold(String reason) implements Judgement {
        }
    }

    /**
     * The payer, or a third party: an individual paying for a company or sole proprietor needs a valid power of
     * attorney (checked first: naming the account does not replace it); anyone else is credited when the purpose
     * names the account as the providers ask, its name and "personal account number N", and held otherwise.
     */
    private static Judgement judge(StatementEntry entry, Party payer, String accountName, String accountNumber,
                                   Predicate<PowersOfAttorney.Candidate> attorney) {
        if (isPayer(entry, payer)) {
            return new Judgement.Payer();
        }
        String debtor = entry.debtorName() == null ? "an unnamed sender" : entry.debtorName();
        if (entry.debtorIndividual() && payer.kind() != PayerType.INDIVIDUAL && entry.debtorName() != null) {
            return attorney.test(new PowersOfAttorney.Candidate(payer.payerId(), entry.debtorName()))
                    ? new Judgement.ThirdParty(debtor)
                    : new Judgement.Hold("Power of attorney needed: " + debtor + " paid for " + payer.name() + ".");
        }
        if (personalNumbers(entry.remittance()).contains(accountNumber)
                && key(entry.remittance()).contains(key(accountName))) {
            return new Judgement.ThirdParty(debtor);
        }
        return new Judgement.Hold("Paid by a third party (" + debtor + ") without the account's name and personal"
                + " account number in the purpose.");
    }

    /** By tax id when both sides have one, else by name; a sender with neither is the payer the purpose names. */
    private static boolean isPayer(StatementEntry entry, Party payer) {
        if (entry.debtorTaxId() != null && payer.taxId() != null) {
            return taxKey(entry.debtorTaxId()).equals(taxKey(payer.taxId()));
        }
        if (entry.debtorName() != null) {
            return key(entry.debtorName()).equals(key(payer.name()));
        }
        return entry.debtorTaxId() == null && !key(payer.name()).isEmpty()
                && key(entry.remittance()).contains(key(payer.name()));
    }

    /** Names as the powers of attorney compare them: NFKC, no white space, lower case. */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static String taxKey(String taxId) {
        return taxId.replaceAll("[^\\p{Alnum}]", "").toUpperCase(Locale.ROOT);
    }
}
