package dev.billfold.document;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.Payer;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerType;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's side of powers of attorney: a company or sole-proprietor payer sends one in for a named individual,
 * valid for a date range (a year by default), and sees where staff's review stands. Payers are the owner's to manage,
 * so uploading is too; every member reads (DD-068).
 */
@Service
public class PowerOfAttorneyService {

    static final int MAX_NAME = 200;
    /** The providers use one year; a longer range is allowed, up to this. */
    static final int MAX_YEARS = 5;

    private final AccountAccess access;
    private final CurrentUser currentUser;
    private final PowerOfAttorneyStore powers;
    private final DocumentFileStore files;
    private final DocumentAudit audit;
    private final Clock clock;

    PowerOfAttorneyService(AccountAccess access, CurrentUser currentUser, PowerOfAttorneyStore powers,
                           DocumentFileStore files, DocumentAudit audit, Clock clock) {
        this.access = access;
        this.currentUser = currentUser;
        this.powers = powers;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<PowerOfAttorneySummary> ofPayer(PayerId payerId) {
        access.requirePayer(payerId, AccountAccess.Action.VIEW);
        LocalDate today = today();
        return powers.ofPayer(payerId).stream().map(item -> new PowerOfAttorneySummary(item.id(),
                item.individualName(), item.validFrom(), item.validTo(), item.fileName(), item.status(),
                item.reason(), item.uploadedAt(), item.status() == PowerOfAttorneyStatus.ACCEPTED
                        && !today.isBefore(item.validFrom()) && !today.isAfter(item.validTo()))).toList();
    }

    /**
     * Stores the document as a power of attorney under review. Refused with a message, and nothing stored, for an
     * individual payer, a blank or over-long name, dates out of order or already past, or a file that is not a PDF,
     * PNG or JPEG of at most 10 MB by its content.
     */
    @Transactional
    public PowerOfAttorneySummary upload(PayerId payerId, String individualName, LocalDate validFrom,
                                         LocalDate validTo, UploadedDocument document) {
        Payer payer = access.requirePayer(payerId, AccountAccess.Action.MANAGE_ACCOUNT);
        if (payer.type() == PayerType.INDIVIDUAL) {
            throw InvalidRequestException.keyed("payer", "errors.document.poa-payer-type");
        }
        String name = individualName.strip().replaceAll("\\s+", " ");
        if (name.isEmpty() || PersonName.key(name).isEmpty()) {
            throw InvalidRequestException.keyed("individualName", "errors.document.poa-name-empty",
                    payer.legalName());
        }
        if (name.length() > MAX_NAME) {
            throw InvalidRequestException.keyed("individualName", "errors.document.at-most-chars",
                    String.valueOf(MAX_NAME));
        }
        if (validTo.isBefore(validFrom)) {
            throw InvalidRequestException.keyed("validTo", "errors.document.end-before-start");
        }
        if (validTo.isBefore(today())) {
            throw InvalidRequestException.keyed("validTo", "errors.document.poa-ended");
        }
        if (validTo.isAfter(validFrom.plusYears(MAX_YEARS))) {
            throw InvalidRequestException.keyed("validTo", "errors.document.poa-years", MAX_YEARS);
        }
        DocumentKind kind = DocumentChecks.check(document);
        Instant now = clock.instant();
        String fileName = DocumentChecks.cleanFileName(document.fileName(), kind);
        var file = files.insert(payer.accountId(), fileName, kind, document.content(), currentUser.require().id(),
                now);
        var id = powers.insert(payer.accountId(), payerId, name, validFrom, validTo, file, now);
        audit.uploaded("document.power-of-attorney.uploaded", "Sent a power of attorney of " + payer.legalName()
                + " for " + name + ", " + validFrom + " to " + validTo, payer.accountId(), id);
        return new PowerOfAttorneySummary(id, name, validFrom, validTo, fileName, PowerOfAttorneyStatus.PENDING, null,
                now, false);
    }

    /** The default range the upload form offers: from today for one year. */
    public static LocalDate defaultValidTo(LocalDate from) {
        return from.plusYears(1).minusDays(1);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
