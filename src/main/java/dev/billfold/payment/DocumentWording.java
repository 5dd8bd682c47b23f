package dev.billfold.payment;

import java.util.Map;

/**
 * The words that name a document, in one language: the invoice's language (DD-097), English otherwise. A document in
 * another language carries the English word beside it ("Счёт на оплату / Invoice"), as the rest of it is English.
 */
record DocumentWording(String invoice, String receipt) {

    static final DocumentWording ENGLISH = new DocumentWording("Invoice", "Receipt");

    private static final Map<String, DocumentWording> LOCAL = Map.of(
            "ru", new DocumentWording("Счёт на оплату", "Квитанция"),
            "kk", new DocumentWording("Шот", "Түбіртек"),
            "uz", new DocumentWording("Hisob-faktura", "Kvitansiya"));

    /** The words for an invoice language ("en", "ru", "kk", "uz"), bilingual when it is not English. */
    static DocumentWording of(String language) {
        DocumentWording local = LOCAL.get(language);
        return local == null ? ENGLISH : new DocumentWording(local.invoice() + " / " + ENGLISH.invoice(),
                local.receipt() + " / " + ENGLISH.receipt());
    }
}
