package dev.billfold.payment;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountContext;
import dev.billfold.account.AccountId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.NotFoundException;
import dev.billfold.base.Texts;
import dev.billfold.fxrate.Conversion;
import dev.billfold.fxrate.ExchangeRates;
import dev.billfold.gateway.GatewayRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes for paying in another currency than the account's (DD-093): which pay currencies an account has, and a
 * locked price for one top-up. The limits are the account currency's, checked on the amount credited.
 */
@Service
public class QuoteService {

    private final AccountAccess access;
    private final QuoteProperties properties;
    private final GatewayRegistry gateways;
    private final ExchangeRates rates;
    private final TopUpLimits limits;
    private final DailyUsageQuery dailyUsage;
    private final QuoteStore quotes;
    private final Clock clock;

    QuoteService(AccountAccess access, QuoteProperties properties, GatewayRegistry gateways, ExchangeRates rates,
                 TopUpLimits limits, DailyUsageQuery dailyUsage, QuoteStore quotes, Clock clock) {
        this.access = access;
        this.properties = properties;
        this.gateways = gateways;
        this.rates = rates;
        this.limits = limits;
        this.dailyUsage = dailyUsage;
        this.quotes = quotes;
        this.clock = clock;
    }

    /** Which side of the quote the customer typed. */
    public enum Typed { PAY_AMOUNT, CREDITED_AMOUNT }

    /**
     * The account's currency first, then the configured pay currencies that some enabled provider takes (PayPal
     * takes neither UZS nor KZT).
     */
    @Transactional(readOnly = true)
    public List<Currency> payCurrencies(AccountId accountId) {
        return offeredFor(access.require(accountId, AccountAccess.Action.VIEW).currency());
    }

    /** What an account in {@code own} pays in; the caller has checked the account (the top-up form, a quote). */
    List<Currency> offeredFor(Currency own) {
        return properties.payCurrenciesOf(own).stream()
                .filter(c -> c.equals(own) || gateways.enabled().stream().anyMatch(g -> g.supports(c))).toList();
    }

    /**
     * A quote for paying in {@code pay}, the amount typed in either currency; stored, and valid for the configured
     * lock. Refused, with nothing stored, for a currency the account does not pay in, without a fresh rate, or when
     * the amount credited is outside the limits (the message names both amounts).
     */
    @Transactional
    public Quote quote(AccountId accountId, Currency pay, String typed, Typed side) {
        AccountContext account = access.require(accountId, AccountAccess.Action.MOVE_MONEY);
        Currency own = account.currency();
        // Once per quote: the access check above already holds for the account.
        List<Currency> offered = offeredFor(own);
        if (pay.equals(own) || !offered.contains(pay)) {
            throw InvalidRequestException.keyed("currency", "errors.quote.not-paid-in", own.getCurrencyCode(),
                    pay.getCurrencyCode(), codes(offered));
        }
        Conversion conversion = rates.conversion(pay, own);
        Money paid;
        Money credited;
        if (side == Typed.CREDITED_AMOUNT) {
            // Priced before the limits are checked, so that a refusal names what it would cost too.
            credited = limits.parse(typed, own, limits.rangeHint(own), "100");
            paid = conversion.priceOf(credited);
            inEquivalent(paid, credited, () -> limits.checkRange(credited));
        } else {
            paid = limits.parse(typed, pay, new Texts.Message("errors.amount.range-in", limits.rangeHint(own),
                    own.getCurrencyCode()), "100");
            credited = conversion.creditFor(paid);
            inEquivalent(paid, credited, () -> limits.checkRange(credited));
        }
        Instant now = clock.instant();
        ZoneId zone = limits.dayZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        var used = dailyUsage.usage(accountId, own, today.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant());
        inEquivalent(paid, credited, () -> limits.checkDaily(credited, used));
        var quote = new Quote(QuoteId.random(), accountId, paid, credited, conversion.rate(), conversion.midRate(),
                conversion.spreadPercent(), conversion.source(), conversion.rateDate(), conversion.fetchedAt(), now,
                now.plus(properties.lock()));
        quotes.insert(quote);
        return quote;
    }

    /**
     * The account's quote, still valid now; an expired one is refused with a message and the customer asks for a new
     * one and confirms it again.
     */
    @Transactional(readOnly = true)
    public Quote requireValid(AccountId accountId, QuoteId quoteId) {
        return requireUnexpired(requireOwned(accountId, quoteId));
    }

    /** The account's quote, expired or not; another account's or an unknown one is refused, and the denial logged. */
    @Transactional(readOnly = true)
    Quote requireOwned(AccountId accountId, QuoteId quoteId) {
        access.require(accountId, AccountAccess.Action.MOVE_MONEY);
        Quote found = quotes.find(quoteId).filter(q -> q.accountId().equals(accountId)).orElse(null);
        // Unknown and another account's quotes get the same answer.
        access.requireOwner(found == null ? null : found.accountId(), quoteId, AccountAccess.Action.MOVE_MONEY,
                new NotFoundException("No such quote for this account. Ask for a new quote."));
        return Objects.requireNonNull(found);
    }

    /** Refuses a quote at or after its expiry: never re-priced silently. */
    Quote requireUnexpired(Quote quote) {
        if (quote.expiredAt(clock.instant())) {
            throw new QuoteExpiredException(("The price of %s for %s has expired. Rates move: check the new quote "
                    + "and confirm again.").formatted(quote.pay().format(), quote.credited().format()));
        }
        return quote;
    }

    /** A limit's refusal for a quote's top-up, naming both amounts. */
    static void inEquivalent(Quote quote, Runnable check) {
        inEquivalent(quote.pay(), quote.credited(), check);
    }

    /** A limit's refusal, prefixed with what the customer typed and what it comes to. */
    private static void inEquivalent(Money paid, Money credited, Runnable check) {
        try {
            check.run();
        } catch (InvalidRequestException e) {
            throw InvalidRequestException.keyed(e.field(), "errors.quote.equivalent", paid, credited,
                    e.asArgument());
        }
    }

    private static String codes(List<Currency> currencies) {
        return String.join(", ", currencies.stream().map(Currency::getCurrencyCode).toList());
    }
}
