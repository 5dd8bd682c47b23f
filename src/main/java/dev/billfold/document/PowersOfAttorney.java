package dev.billfold.document;

import dev.billfold.account.PayerId;
import dev.billfold.base.InternalCall;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Powers of attorney as statement matching asks about them: may this individual pay for this company or
 * sole-proprietor payer on that day? Only an accepted power of attorney within its dates (both included) counts, and
 * names are compared without case and whitespace ({@link PersonName}). The uploads and the staff decisions are
 * {@link PowerOfAttorneyService} (DD-068).
 */
@Service
public class PowersOfAttorney {

    private final PowerOfAttorneyStore store;

    PowersOfAttorney(PowerOfAttorneyStore store) {
        this.store = store;
    }

    @InternalCall("statement matching asks inside the import's transaction; it reveals nothing to the importer")
    @Transactional(readOnly = true)
    public boolean validFor(PayerId payer, String individualName, LocalDate on) {
        return !validAmong(List.of(new Candidate(payer, individualName)), on).isEmpty();
    }

    /**
     * The bulk form for a statement's entries: of the given candidates, those with a valid power of attorney on
     * {@code on}, in their given order. One query per 500 payers, however many candidates.
     */
    @InternalCall("statement matching asks inside the import's transaction; it reveals nothing to the importer")
    @Transactional(readOnly = true)
    public Set<Candidate> validAmong(Collection<Candidate> candidates, LocalDate on) {
        Set<Candidate> valid = new LinkedHashSet<>();
        if (candidates.isEmpty()) {
            return valid;
        }
        Map<PayerId, Set<String>> keys = store.validNameKeys(candidates.stream().map(Candidate::payer).toList(), on);
        for (Candidate candidate : candidates) {
            Set<String> names = keys.get(candidate.payer());
            if (names != null && names.contains(PersonName.key(candidate.individualName()))) {
                valid.add(candidate);
            }
        }
        return valid;
    }

    /** An individual named on a bank entry, paying for a payer. */
    public record Candidate(PayerId payer, String individualName) {

        public Candidate {
            Objects.requireNonNull(payer);
            Objects.requireNonNull(individualName);
        }
    }
}
