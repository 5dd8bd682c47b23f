package dev.billfold.payment;

/** One entry of the method list for a payer. */
public record MethodOption(MethodChoice choice, String label, boolean offersSaving, boolean preselected) {
}
