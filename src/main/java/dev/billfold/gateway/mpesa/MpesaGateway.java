package dev.billfold.gateway.mpesa;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.gateway.ChargeRequest;
import dev.billfold.gateway.CheckoutRequest;
import dev.billfold.gateway.CheckoutSession;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.MethodFamily;
import dev.billfold.gateway.PhonePayments;
import dev.billfold.gateway.PhonePushRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * M-Pesa's STK push behind the gateway interface (DD-088). A push is claimed in mpesa_push under the payment's key
 * before Daraja is called, so a retry never pushes twice: Daraja has no idempotency key of its own. The payment's
 * provider reference is Daraja's CheckoutRequestID, and {@link #checkoutResult} is the STK query, which the
 * callback, the waiting page and the poller all go through before anything is credited.
 */
class MpesaGateway implements PhonePayments {

    static final String ID = "mpesa";
    static final Currency KES = Currency.getInstance("KES");
    static final String CALLBACK_PATH = "/webhooks/mpesa/";
    /** Daraja's limits on its text fields. */
    static final int ACCOUNT_REFERENCE_MAX = 12;
    static final int DESCRIPTION_MAX = 13;

    private static final Logger log = LoggerFactory.getLogger(MpesaGateway.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DarajaClient daraja;
    private final MpesaPushStore pushes;
    private final MpesaProperties properties;

    MpesaGateway(DarajaClient daraja, MpesaPushStore pushes, MpesaProperties properties) {
        this.daraja = daraja;
        this.pushes = pushes;
        this.properties = properties;
    }

    /** M-Pesa moves mobile money: the countries' method rules offer it by that name (DD-091). */
    @Override
    public MethodFamily family() {
        return MethodFamily.MOBILE_MONEY;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "M-Pesa";
    }

    @Override
    public String phoneMethodName() {
        return "M-Pesa";
    }

    @Override
    public boolean supports(Currency currency) {
        return KES.equals(currency);
    }

    @Override
    public boolean takesPhonePayments(Currency currency) {
        return supports(currency);
    }

    /**
     * Whole shillings only, within the configured range and Safaricom's cap. A fraction is refused rather than rounded
     * up: the customer would pay more than they typed (DD-088).
     */
    @Override
    public void checkAmount(Money amount) {
        if (!supports(amount.currency())) {
            throw InvalidRequestException.keyed("method", "errors.mpesa.kes-only");
        }
        if (amount.value().stripTrailingZeros().scale() > 0) {
            throw InvalidRequestException.keyed("amount", "errors.mpesa.whole-shillings", least(), most());
        }
        BigDecimal max = properties.maxPerPayment().min(properties.perTransactionCap());
        if (amount.value().compareTo(properties.minPerPayment()) < 0 || amount.value().compareTo(max) > 0) {
            throw InvalidRequestException.keyed("amount", "errors.mpesa.range", least(), most());
        }
    }

    @Override
    public @Nullable Money dailyMaximum(Currency currency) {
        return supports(currency) ? Money.of(properties.dailyMaximum(), currency) : null;
    }

    private Money least() {
        return Money.of(properties.minPerPayment(), KES);
    }

    private Money most() {
        return Money.of(properties.maxPerPayment().min(properties.perTransactionCap()), KES);
    }

    @Override
    public PhonePush pushToPhone(PhonePushRequest request) {
        checkAmount(request.amount());
        String token = newToken();
        if (!pushes.claim(request.idempotencyKey(), hash(token), request.phone().digits(), request.amount())) {
            return new PhonePush(repeated(request.idempotencyKey()), null);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("TransactionType", properties.transactionType());
        fields.put("Amount", request.amount().value().setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        fields.put("PartyA", request.phone().digits());
        fields.put("PartyB", properties.receiver());
        fields.put("PhoneNumber", request.phone().digits());
        fields.put("CallBackURL", properties.callbackBaseUrl().replaceAll("/+$", "") + CALLBACK_PATH + token);
        fields.put("AccountReference", cut(request.accountReference(), ACCOUNT_REFERENCE_MAX));
        fields.put("TransactionDesc", cut(request.description(), DESCRIPTION_MAX));
        DarajaClient.Answer answer;
        try {
            answer = daraja.push(fields);
        } catch (IOException | RuntimeException noAnswer) {
            // The phone may have been asked: never pushed again; the callback or the poller tells.
            log.warn("M-Pesa push for a payment got no answer", noAnswer);
            return new PhonePush(GatewayResult.unknown(null, MpesaResults.NO_ANSWER), null);
        }
        String checkoutRequestId = answer.text("CheckoutRequestID");
        if (answer.ok() && "0".equals(answer.text("ResponseCode").strip()) && !checkoutRequestId.isEmpty()) {
            pushes.accepted(request.idempotencyKey(), checkoutRequestId, answer.text("MerchantRequestID"));
            return new PhonePush(GatewayResult.pending(checkoutRequestId, CHECK_YOUR_PHONE), null);
        }
        if (answer.status() >= 500 || answer.status() == 429) {
            log.warn("M-Pesa push answered HTTP {}: {}", answer.status(), answer.text("errorCode"));
            return new PhonePush(GatewayResult.unknown(null, MpesaResults.NO_ANSWER), null);
        }
        String code = answer.text("errorCode").isEmpty() ? answer.text("ResponseCode") : answer.text("errorCode");
        log.warn("M-Pesa refused a push: HTTP {} {} {}", answer.status(), code, answer.text("errorMessage"));
        pushes.refused(request.idempotencyKey(), cut(code, 16));
        return new PhonePush(GatewayResult.declined(null, "M-Pesa could not send the request to your phone. "
                + "Nothing was charged; check the number and try again."), null);
    }

    /** A push claimed before: what it learnt, without pushing again. */
    private GatewayResult repeated(String idempotencyKey) {
        MpesaPushStore.Push push = pushes.byKey(idempotencyKey).orElseThrow();
        if (push.checkoutRequestId() != null) {
            return checkoutResult(push.checkoutRequestId());
        }
        return push.resultCode() != null
                ? GatewayResult.declined(null, "M-Pesa could not send the request to your phone. Nothing was charged.")
                : GatewayResult.unknown(null, MpesaResults.NO_ANSWER);
    }

    /** The STK query: the only source this adapter credits from. */
    @Override
    public GatewayResult checkoutResult(String checkoutReference) {
        MpesaPushStore.Push push = pushes.byCheckoutRequest(checkoutReference).orElse(null);
        if (push == null) {
            return GatewayResult.unknown(checkoutReference, "M-Pesa does not know this payment.");
        }
        DarajaClient.Answer answer;
        try {
            answer = daraja.query(checkoutReference);
        } catch (IOException | RuntimeException noAnswer) {
            log.warn("M-Pesa query got no answer", noAnswer);
            return GatewayResult.unknown(checkoutReference, MpesaResults.NO_ANSWER);
        }
        GatewayResult result = MpesaResults.ofQuery(checkoutReference, answer, push.amount());
        if (result.status() != GatewayResult.Status.PENDING && result.status() != GatewayResult.Status.UNKNOWN) {
            pushes.answered(checkoutReference, answer.body().path("ResultCode").asString("").strip(), null);
        }
        return result.forKey(push.idempotencyKey());
    }

    @Override
    public CheckoutSession startCheckout(CheckoutRequest request) {
        throw InvalidRequestException.keyed("method", "errors.mpesa.needs-phone");
    }

    @Override
    public GatewayResult chargeSavedMethod(ChargeRequest request) {
        return GatewayResult.declined(null, "M-Pesa does not keep payment methods.");
    }

    @Override
    public boolean detachMethod(String methodToken) {
        return true;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** 256 random bits, URL-safe. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
