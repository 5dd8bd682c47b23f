package dev.billfold.payment;

import dev.billfold.account.PayerType;
import dev.billfold.base.Texts;
import dev.billfold.gateway.MethodFamily;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
            return new Offer(EnumSet.allOf(MethodFamily.class), Map.of(), accountCountry);
        }
        Set<MethodFamily> offered = EnumSet.copyOf(rule.offered());
        Map<MethodFamily, Texts.Message> withheld = new EnumMap<>(MethodFamily.class);
        if (offered.contains(MethodFamily.BANK_TRANSFER) && !rule.bankTransferFor().isEmpty()
                && !rule.bankTransferFor().contains(payerType)) {
            offered.remove(MethodFamily.BANK_TRANSFER);
            withheld.put(MethodFamily.BANK_TRANSFER, new Texts.Message("errors.method.state.bank-transfer-for",
                    new Texts.Country(accountCountry), payerTypes(rule.bankTransferFor())));
        }
        return new Offer(offered, withheld, accountCountry);
    }

    /** "companies", "companies and sole proprietors": in the text's language, each type's plural. */
    private static Texts.Message payerTypes(Set<PayerType> types) {
        List<Texts.Message> names = types.stream().sorted()
                .map(type -> new Texts.Message("errors.method.state.payers." + type.name())).toList();
        Texts.Message joined = names.getFirst();
        for (Texts.Message next : names.subList(1, names.size())) {
            joined = new Texts.Message("errors.method.state.payers-and", joined, next);
        }
        return joined;
    }

    /**
     * The kinds of method offered, and why others are not, for the page to say.
     *
     * @param withheld the families this payer's country offers others, with the words for why not this payer
     */
    record Offer(Set<MethodFamily> families, Map<MethodFamily, Texts.Message> withheld,
                 @Nullable String accountCountry) {

        Offer {
            withheld = Map.copyOf(withheld);
        }

        boolean allows(MethodFamily family) {
            return families.contains(family);
        }

        /** Why the list lacks a kind of method the country offers others ("... to companies only"). */
        List<Texts.Message> notes() {
            return withheld.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
        }

        /** Why {@code family} is refused: the note that withholds it, else that the country does not offer it. */
        Texts.Message refusal(MethodFamily family) {
            Texts.Message note = withheld.get(family);
            if (note != null) {
                return note;
            }
            Texts.Message name = new Texts.Message("errors.method.state.family." + family.name());
            return accountCountry == null ? new Texts.Message("errors.method.state.not-offered-here", name)
                    : new Texts.Message("errors.method.state.not-offered", name, new Texts.Country(accountCountry));
        }
    }
}
