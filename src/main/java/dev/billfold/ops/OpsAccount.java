package dev.billfold.ops;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One account as the back office reads it: everything a support call needs, nothing to change. */
public record OpsAccount(AccountId id, String number, String name, @Nullable String country, Money balance,
                         List<Payer> payers, List<Member> members, List<Method> methods, List<Service> services,
                         List<Entry> timeline, List<Payment> payments) {

    public OpsAccount {
        payers = List.copyOf(payers);
        members = List.copyOf(members);
        methods = List.copyOf(methods);
        services = List.copyOf(services);
        timeline = List.copyOf(timeline);
        payments = List.copyOf(payments);
    }

    public record Payer(String name, String type, @Nullable String taxId, @Nullable String invoiceEmail,
                        boolean isDefault, boolean archived) {
    }

    public record Member(String displayName, @Nullable String email, String role) {
    }

    /** A saved method by its label only; tokens stay with the provider's feature. */
    public record Method(String label, String status, boolean isDefault) {
    }

    public record Service(String name, String kind, Money price, String period, @Nullable LocalDate paidUntil,
                          String status, boolean autoRenew) {
    }

    /** A ledger entry: one movement of the balance, with its cause. */
    public record Entry(Instant at, String kind, Money amount, String reference) {
    }

    public record Payment(String id, Instant createdAt, Money amount, String method, @Nullable String provider,
                          @Nullable String providerReference, String status, @Nullable String invoiceNumber) {
    }
}
