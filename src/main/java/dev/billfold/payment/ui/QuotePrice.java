package dev.billfold.payment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.billfold.base.ui.Localized;
import dev.billfold.payment.Quote;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The locked price of a top-up in another currency, shown before the customer confirms (DD-099): both amounts, the
 * rate with its spread and source, and how long the price holds. Four text nodes, made only once a price is asked for.
 */
final class QuotePrice extends Div {

    /** Six significant digits, as the payment's detail shows the rate (DD-096): "1 UZS = 0.036318 KZT". */
    private static final MathContext SHOWN = new MathContext(6, RoundingMode.HALF_EVEN);

    private final Span price = new Span();
    private final Span rate = new Span();
    private final Span countdown = new Span();
    private final Paragraph refusal = new Paragraph();

    QuotePrice() {
        setId("quote");
        addClassName("quote");
        price.setId("quote-price");
        price.addClassName("quote-price");
        rate.setId("quote-rate");
        rate.addClassName("quote-rate");
        countdown.setId("quote-countdown");
        countdown.addClassName("quote-countdown");
        refusal.setId("quote-expired");
        refusal.addClassName("quote-expired");
        add(refusal, price, rate, countdown);
    }

    /** Shows {@code quote} as of {@code now}, with the message of the price it replaces if that one expired. */
    void show(Quote quote, Instant now, @Nullable String replacedBecause) {
        String pay = quote.pay().currencyCode();
        String account = quote.credited().currencyCode();
        Locale locale = Localized.localeOf(this);
        price.setText(getTranslation("payment.quote.price", quote.pay().format(locale),
                quote.credited().format(locale), pay, shown(quote.rate()), account));
        rate.setText(getTranslation("payment.quote.rate", quote.spreadPercent().stripTrailingZeros().toPlainString(),
                pay, shown(quote.midRate()), account, quote.rateSource(), quote.rateDate().toString()));
        refusal.setText(replacedBecause == null ? "" : replacedBecause);
        refusal.setVisible(replacedBecause != null);
        tick(quote, now);
        setVisible(true);
    }

    /** Moves the countdown to {@code now}; false once the price has expired, which the countdown then says. */
    boolean tick(Quote quote, Instant now) {
        if (quote.expiredAt(now)) {
            countdown.setText(getTranslation("payment.quote.expired"));
            countdown.getElement().setAttribute("data-expired", "");
            return false;
        }
        long seconds = Duration.between(now, quote.expiresAt()).toSeconds();
        countdown.setText(getTranslation("payment.quote.valid-for", "%d:%02d".formatted(seconds / 60, seconds % 60)));
        countdown.getElement().removeAttribute("data-expired");
        return true;
    }

    private static String shown(BigDecimal rate) {
        return rate.round(SHOWN).stripTrailingZeros().toPlainString();
    }
}
