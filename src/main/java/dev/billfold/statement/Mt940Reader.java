package dev.billfold.statement;

import com.prowidesoftware.swift.model.field.Field61;
import dev.billfold.base.Money;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SWIFT MT940 read line by line: a field starts with {@code :tag:} and runs until the next one; {@code :25:} names
 * the account, {@code :60F:}/{@code :60M:} the currency, each {@code :61:} is an entry (parsed by pw-swift-core's
 * {@link Field61}) and the {@code :86:} after it its purpose. Block headers ({@code {1:...}{2:...}{4:}) and the
 * {@code -}} trailer are skipped, so several messages may follow each other (DD-062).
 */
final class Mt940Reader {

    private static final Pattern TAG = Pattern.compile("^:([0-9]{2}[A-Z]?):(.*)$");
    private static final Pattern VALUE_DATE = Pattern.compile("[0-9]{6}");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final int MAX_FIELD = 2_000;

    private final EntrySink sink;
    private @Nullable String account;
    private @Nullable Currency currency;
    private @Nullable Pending pending;
    private int position;
    private boolean statementSeen;

    private Mt940Reader(EntrySink sink) {
        this.sink = sink;
    }

    static int read(BufferedReader lines, EntrySink sink) throws IOException {
        Mt940Reader reader = new Mt940Reader(sink);
        reader.readAll(lines);
        return reader.position;
    }

    private void readAll(BufferedReader lines) throws IOException {
        String tag = null;
        StringBuilder value = new StringBuilder();
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.startsWith("{1:")) {
                int body = line.indexOf("{4:");
                if (body < 0) {
                    continue;
                }
                line = line.substring(body + 3);
                if (line.isEmpty()) {
                    continue;
                }
            }
            if (line.equals("-}") || line.equals("-") || line.startsWith("-}")) {
                if (tag != null) {
                    field(tag, value.toString());
                    tag = null;
                }
                endMessage();
                continue;
            }
            Matcher matcher = TAG.matcher(line);
            if (matcher.matches()) {
                if (tag != null) {
                    field(tag, value.toString());
                }
                tag = matcher.group(1);
                value.setLength(0);
                value.append(matcher.group(2));
            } else if (tag != null) {
                if (value.length() + line.length() > MAX_FIELD) {
                    throw new StatementFileException("Line " + number + ": the field :" + tag + ": is too long.");
                }
                value.append('\n').append(line);
            } else if (!line.isBlank()) {
                throw new StatementFileException("Line " + number + " is not part of an MT940 field.");
            }
        }
        if (tag != null) {
            field(tag, value.toString());
        }
        endMessage();
        if (!statementSeen) {
            throw new StatementFileException("The file is not an MT940 statement: it has no :20: and :25: fields.");
        }
    }

    private void field(String tag, String value) {
        switch (tag) {
            case "20" -> {
                flush();
                statementSeen = true;
                account = null;
                currency = null;
            }
            case "25" -> account = requireAccount(value.strip());
            case "60F", "60M" -> currency = openingCurrency(value.strip());
            case "61" -> {
                flush();
                pending = new Pending(value);
            }
            case "86" -> {
                if (pending != null && pending.information == null) {
                    pending.information = value;
                }
            }
            case "62F", "62M", "64", "65" -> flush();
            default -> {
                // :28C:, :21: and others carry nothing matching needs.
            }
        }
    }

    private void endMessage() {
        flush();
    }

    private void flush() {
        Pending entry = pending;
        pending = null;
        if (entry == null) {
            return;
        }
        int at = ++position;
        String where = "Entry " + at;
        if (account == null || currency == null) {
            throw new StatementFileException(where + " comes before its statement's :25: account or :60F: balance.");
        }
        Field61 field = new Field61(entry.line);
        String valueDate = field.getValueDate();
        if (valueDate == null || !VALUE_DATE.matcher(valueDate).matches()) {
            throw new StatementFileException(where + ": the :61: line has no value date.");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(valueDate, YYMMDD);
        } catch (DateTimeParseException e) {
            throw new StatementFileException(where + ": the :61: value date cannot be read.");
        }
        String mark = field.getDebitCreditMark();
        if (mark == null || !(mark.equals("C") || mark.equals("D") || mark.equals("RC") || mark.equals("RD"))) {
            throw new StatementFileException(where + ": the :61: line has no debit or credit mark.");
        }
        Money amount;
        try {
            amount = new Money(new BigDecimal(String.valueOf(field.getAmount()).replace(',', '.')), currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new StatementFileException(where + ": the :61: amount cannot be read.");
        }
        if (!amount.isPositive()) {
            throw new StatementFileException(where + ": the :61: amount is not positive.");
        }
        String reference = reference(field);
        if (reference == null) {
            throw new StatementFileException(where + ": the :61: line has no reference.");
        }
        String information = entry.information == null ? "" : entry.information;
        String debtor = null;
        String remittance;
        if (information.contains("?")) {
            // The German banks' structured :86: (?20-?29 purpose, ?32-?33 the other party's name).
            Subfields subfields = Subfields.of(information);
            remittance = subfields.purpose;
            debtor = subfields.name.isEmpty() ? null : subfields.name;
        } else {
            remittance = information.replace('\n', ' ').strip();
        }
        // Only C is money in from someone; reversals (RC, RD) are listed, never matched.
        sink.accept(new StatementEntry(at, CamtReader.clip(account, 70), CamtReader.clip(reference, 70),
                mark.equals("C"), !mark.startsWith("R"), amount, date,
                debtor == null ? null : CamtReader.clip(debtor, 140), null, false, CamtReader.clip(remittance, 1000)));
    }

    private static @Nullable String reference(Field61 field) {
        String bank = field.getReferenceOfTheAccountServicingInstitution();
        if (bank != null && !bank.isBlank()) {
            return bank.strip();
        }
        String owner = field.getReferenceForTheAccountOwner();
        return owner == null || owner.isBlank() || owner.strip().equals("NONREF") ? null : owner.strip();
    }

    private static String requireAccount(String value) {
        String account = value.lines().findFirst().orElse("").strip();
        if (account.isEmpty()) {
            throw new StatementFileException("The :25: field names no account.");
        }
        return account;
    }

    private static Currency openingCurrency(String value) {
        // D/C mark, YYMMDD, currency, amount: C251201EUR1000,00
        try {
            return Currency.getInstance(value.substring(7, 10));
        } catch (RuntimeException e) {
            throw new StatementFileException("The opening balance :60F: has no currency that can be read.");
        }
    }

    private static final class Pending {
        private final String line;
        private @Nullable String information;

        Pending(String line) {
            this.line = line;
        }
    }

    private record Subfields(String purpose, String name) {
        static Subfields of(String text) {
            StringBuilder purpose = new StringBuilder();
            StringBuilder name = new StringBuilder();
            for (String part : text.replace("\n", "").split("\\?")) {
                if (part.length() < 2) {
                    continue;
                }
                String code = part.substring(0, 2);
                String content = part.substring(2).strip();
                if (code.compareTo("20") >= 0 && code.compareTo("29") <= 0 || code.compareTo("60") >= 0
                        && code.compareTo("63") <= 0) {
                    purpose.append(purpose.isEmpty() ? "" : " ").append(content);
                } else if (code.equals("32") || code.equals("33")) {
                    name.append(content);
                }
            }
            return new Subfields(purpose.toString(), name.toString());
        }
    }
}
