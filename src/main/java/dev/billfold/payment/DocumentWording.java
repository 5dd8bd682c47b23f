package dev.billfold.payment;

/**
 * The words that name a document, in one language. English only: issue 21 picks the wording by the payer's
 * language ("Счёт на оплату", "Hisob-faktura", "Шот", "Ankara").
 */
record DocumentWording(String invoice, String receipt) {

    static final DocumentWording ENGLISH = new DocumentWording("Invoice", "Receipt");
}
