package dev.billfold.payment;

import dev.billfold.account.PayerType;
import dev.billfold.gateway.MethodFamily;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** What an account's country offers to one of its payers, and the words for what it withholds (DD-091). */
@Component
class MethodRules {

    private final MethodRulesProperties properties;

    MethodRules(MethodRulesProperties properties) {
        this.properties = properties;
    }

    Offer offerFor(@Nullable String accountCountry, PayerType payerType) {
        MethodRulesProperties.Country rule = accountCountry == null ? null
                : properties.countries().get(accountCountry.toUpperCase(Locale.ROOT));
        if (rule == null) {
            return new Offer(EnumSet.allOf(MethodFamily.class), List.of(), accountCountry);
        }
        Set<MethodFamily> offered = EnumSet.copyOf(rule.offered());
        List<String> notes = new ArrayList<>();
        if (offered.contains(MethodFamily.BANK_TRANSFER) && !rule.bankTransferFor().isEmpty()
                && !rule.bankTransferFor().contains(payerType)) {
            offered.remove(MethodFamily.BANK_TRANSFER);
            notes.add("%s is offered in %s to %s only.".formatted(MethodFamily.BANK_TRANSFER.label(),
                    countryName(accountCountry), rule.bankTransferFor().stream().sorted()
                            .map(type -> plural(type)).collect(Collectors.joining(" and "))));
        }
        return new Offer(offered, List.copyOf(notes), accountCountry);
    }

    private static String plural(PayerType type) {
        return switch (type) {
            case INDIVIDUAL -> "individuals";
            case COMPANY -> "companies";
            case SOLE_PROPRIETOR -> "sole proprietors";
        };
    }

    static String countryName(String code) {
        String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    /** The kinds of method offered, and why others are not, for the page to say. */
    record Offer(Set<MethodFamily> families, List<String> notes, @Nullable String accountCountry) {

        boolean allows(MethodFamily family) {
            return families.contains(family);
        }

        /** Why {@code family} is refused: the note that withholds it, else that the country does not offer it. */
        String refusal(MethodFamily family) {
            return notes.stream().filter(note -> note.startsWith(family.label())).findFirst()
                    .orElseGet(() -> "%s is not offered for accounts in %s.".formatted(family.label(),
                            accountCountry == null ? "this country" : countryName(accountCountry)));
        }
    }
}
