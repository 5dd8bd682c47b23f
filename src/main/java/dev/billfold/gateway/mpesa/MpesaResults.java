package dev.billfold.gateway.mpesa;

import dev.billfold.base.Money;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.PhonePayments;

/** M-Pesa's result codes as statuses and words (DD-088). Every failure says that nothing was charged. */
final class MpesaResults {

    static final String INSUFFICIENT_FUNDS =
            "Your M-Pesa balance was not enough for this payment. Nothing was charged.";
    static final String UNREACHABLE = "Your phone could not be reached. Make sure it is on and has signal, then try "
            + "again. Nothing was charged.";
    static final String WRONG_PIN = "The M-Pesa PIN entered was wrong. Nothing was charged; try again.";
    static final String EXPIRED = "The M-Pesa request expired before it was approved on your phone. Nothing was "
            + "charged; try again.";
    static final String OTHER = "M-Pesa did not complete the payment (result code %s). Nothing was charged.";
    static final String NO_ANSWER = "M-Pesa did not answer; we will check the payment again shortly.";
    /** Daraja's query answer (HTTP 500) while the customer has not answered the prompt yet. */
    static final String STILL_PROCESSING = "500.001.1001";

    private MpesaResults() {
    }

    /** A final result code of a push whose amount was {@code amount}. */
    static GatewayResult of(String checkoutRequestId, String resultCode, Money amount) {
        return switch (resultCode) {
            case "0" -> GatewayResult.succeeded(checkoutRequestId, amount, null);
            case "1032" -> new GatewayResult(GatewayResult.Status.CANCELLED, checkoutRequestId, null,
                    PhonePayments.CANCELLED_ON_PHONE, null);
            // Reported by integrators as "still under processing" on some queries.
            case "4999" -> GatewayResult.pending(checkoutRequestId, PhonePayments.CHECK_YOUR_PHONE);
            default -> GatewayResult.declined(checkoutRequestId, reason(resultCode));
        };
    }

    static String reason(String resultCode) {
        return switch (resultCode) {
            case "1" -> INSUFFICIENT_FUNDS;
            case "1037" -> UNREACHABLE;
            case "2001" -> WRONG_PIN;
            case "1019" -> EXPIRED;
            default -> OTHER.formatted(resultCode.length() > 16 ? resultCode.substring(0, 16) : resultCode);
        };
    }

    /** The query's answer about a push: final, still waiting for the customer, or not known. */
    static GatewayResult ofQuery(String checkoutRequestId, DarajaClient.Answer answer, Money amount) {
        if (STILL_PROCESSING.equals(answer.text("errorCode"))) {
            return GatewayResult.pending(checkoutRequestId, PhonePayments.CHECK_YOUR_PHONE);
        }
        String resultCode = answer.body().path("ResultCode").asString("");
        if (!answer.ok() || resultCode.isEmpty()) {
            return GatewayResult.unknown(checkoutRequestId, NO_ANSWER);
        }
        return of(checkoutRequestId, resultCode.strip(), amount);
    }
}
