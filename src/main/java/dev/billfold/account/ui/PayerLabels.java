package dev.billfold.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.function.SerializableConsumer;
import dev.billfold.account.PayerDetails;
import dev.billfold.account.PayerSummary;
import dev.billfold.account.PayerType;
import dev.billfold.base.ui.Localized;

/**
 * A payer as the selects name it, "Alex Morgan (Individual)", with the payer's type in the page's language ("Alex
 * Morgan (Физическое лицо)"); the legal name is data and stays as written.
 */
public final class PayerLabels {

    private PayerLabels() {
    }

    public static String of(PayerSummary payer, Component in) {
        return of(payer.legalName(), payer.type(), in);
    }

    public static String of(PayerDetails payer, Component in) {
        return of(payer.legalName(), payer.type(), in);
    }

    private static String of(String legalName, PayerType type, Component in) {
        return legalName + " (" + in.getTranslation("account.payer-type." + type.name()) + ")";
    }

    /** Gives the select's payers their labels, and again after each switch of language. */
    public static void follow(Component select, SerializableConsumer<ItemLabelGenerator<PayerSummary>> labels) {
        Localized.bind(select, language -> labels.accept(payer -> of(payer, select)), locale -> locale.toLanguageTag());
    }
}
