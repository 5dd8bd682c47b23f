package dev.billfold.gateway.mpesa;

import dev.billfold.base.Secrets;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Daraja's credentials and M-Pesa's limits. M-Pesa is offered only when a consumer key is set; the rest of the
 * credentials then must be set too, and come from the environment in production; {@link #toString} never prints a
 * secret.
 *
 * @param baseUrl             Daraja's API host: https://sandbox.safaricom.co.ke or https://api.safaricom.co.ke
 * @param consumerKey         the Daraja app's consumer key; blank switches M-Pesa off
 * @param consumerSecret      the Daraja app's consumer secret
 * @param shortcode           the paybill or till's business shortcode (BusinessShortCode)
 * @param partyB              who receives: the shortcode for a paybill, the till number for buy goods (blank: the
 *                            shortcode)
 * @param passkey             the Lipa na M-Pesa Online passkey
 * @param transactionType     CustomerPayBillOnline or CustomerBuyGoodsOnline
 * @param callbackBaseUrl     our public https address as Safaricom reaches it; the callback path is appended
 * @param callbackAllowedIps  optional CIDR ranges the callback must come from (Safaricom publishes its addresses)
 * @param minPerPayment       the smallest M-Pesa payment, in KES
 * @param maxPerPayment       the largest M-Pesa payment, in KES
 * @param dailyMaximum        the most one account pays with M-Pesa in a day, in KES
 * @param perTransactionCap   Safaricom's own cap on one transaction, which may be lower than {@code maxPerPayment}
 * @param connectTimeout      how long to wait for a connection to Daraja
 * @param readTimeout         how long to wait for Daraja's answer; after that the outcome is unknown, never a decline
 * @param callbackMaxBytes    the largest callback body read; Safaricom's are well under a kilobyte
 */
@ConfigurationProperties("billfold.gateway.mpesa")
record MpesaProperties(
        @DefaultValue("https://sandbox.safaricom.co.ke") String baseUrl,
        @Nullable String consumerKey,
        @Nullable String consumerSecret,
        @Nullable String shortcode,
        @Nullable String partyB,
        @Nullable String passkey,
        @DefaultValue("CustomerPayBillOnline") String transactionType,
        @Nullable String callbackBaseUrl,
        @DefaultValue List<String> callbackAllowedIps,
        @DefaultValue("150000") BigDecimal minPerPayment,
        @DefaultValue("250000") BigDecimal maxPerPayment,
        @DefaultValue("250000") BigDecimal dailyMaximum,
        @DefaultValue("250000") BigDecimal perTransactionCap,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("16384") int callbackMaxBytes) {

    /** What switches M-Pesa on (DD-050): a consumer key, without which it cannot work. */
    static final String CONSUMER_KEY = "billfold.gateway.mpesa.consumer-key";

    MpesaProperties {
        callbackAllowedIps = callbackAllowedIps.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (minPerPayment.signum() <= 0 || minPerPayment.compareTo(maxPerPayment) > 0) {
            throw new IllegalArgumentException("M-Pesa limits need 0 < min-per-payment <= max-per-payment");
        }
    }

    String receiver() {
        return partyB == null || partyB.isBlank() ? String.valueOf(shortcode) : partyB;
    }

    /** Every setting but the secrets, which say only whether they are set (docs/security.md, item 7). */
    @Override
    public String toString() {
        return ("MpesaProperties[baseUrl=%s, consumerKey=%s, consumerSecret=%s, shortcode=%s, partyB=%s, passkey=%s, "
                + "transactionType=%s, callbackBaseUrl=%s, callbackAllowedIps=%s, minPerPayment=%s, maxPerPayment=%s, "
                + "dailyMaximum=%s, perTransactionCap=%s, connectTimeout=%s, readTimeout=%s, callbackMaxBytes=%d]")
                .formatted(baseUrl, consumerKey, Secrets.redact(consumerSecret), shortcode, partyB,
                        Secrets.redact(passkey), transactionType, callbackBaseUrl, callbackAllowedIps,
                        minPerPayment.toPlainString(), maxPerPayment.toPlainString(), dailyMaximum.toPlainString(),
                        perTransactionCap.toPlainString(), connectTimeout, readTimeout, callbackMaxBytes);
    }
}
