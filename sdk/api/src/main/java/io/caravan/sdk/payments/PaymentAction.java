package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * The step the shopper must take to complete a payment, passed to the storefront as is. Each type
 * needs its own component: {@link ActionType#REDIRECT} a {@code url}, {@link ActionType#QR_CODE} a
 * {@code qrPayload}, {@link ActionType#VOUCHER} a {@code voucherReference}, {@link ActionType#SDK}
 * {@code sdkData}, {@link ActionType#BANK_DETAILS} {@code instructions}. Prefer the static factories.
 *
 * @param type             the kind of step
 * @param url              where to send the shopper (REDIRECT), or a page showing the QR code or
 *                         voucher; absolute http(s), or null
 * @param httpMethod       {@code "GET"} or {@code "POST"} for REDIRECT (POST with {@code formFields}),
 *                         null for other types
 * @param formFields       the form to post for a POST redirect; empty otherwise
 * @param qrPayload        the QR code's content (an EMV QR string); at most 4096 characters, or null
 * @param voucherReference the voucher's number or barcode content; at most 128 characters, or null
 * @param instructions     what to do, in the context's locale (bank details and reference for
 *                         BANK_DETAILS; how to pay a voucher); at most 2000 characters, or null
 * @param sdkData          what the provider's client SDK needs for SDK; empty otherwise
 * @param expiresAt        when the step lapses (a QR code valid 15 minutes, a voucher 3 days), or null
 */
public record PaymentAction(
        ActionType type,
        URI url,
        String httpMethod,
        Map<String, String> formFields,
        String qrPayload,
        String voucherReference,
        String instructions,
        Map<String, String> sdkData,
        Instant expiresAt) {

    /**
     * Validates and copies the components against the type.
     *
     * @throws IllegalArgumentException if the type's component is missing or a component is
     *                                  invalid; the message names it
     */
    public PaymentAction {
        Checks.required(type, "PaymentAction.type");
        if (url != null
                && (!url.isAbsolute() || !("https".equals(url.getScheme()) || "http".equals(url.getScheme())))) {
            throw new IllegalArgumentException("PaymentAction.url must be an absolute http(s) URL, was " + url);
        }
        formFields = Checks.map(formFields == null ? Map.of() : formFields, "PaymentAction.formFields");
        sdkData = Checks.map(sdkData == null ? Map.of() : sdkData, "PaymentAction.sdkData");
        Checks.optionalText(qrPayload, "PaymentAction.qrPayload", 4096);
        Checks.optionalText(voucherReference, "PaymentAction.voucherReference", 128);
        Checks.optionalText(instructions, "PaymentAction.instructions", 2000);
        String needed = " is required when type is " + type;
        switch (type) {
            case REDIRECT -> {
                Checks.required(url, "PaymentAction.url" + needed);
                if (!"GET".equals(httpMethod) && !"POST".equals(httpMethod)) {
                    throw new IllegalArgumentException(
                            "PaymentAction.httpMethod must be GET or POST for a REDIRECT, was " + httpMethod);
                }
                if ("GET".equals(httpMethod) && !formFields.isEmpty()) {
                    throw new IllegalArgumentException("PaymentAction.formFields must be empty for a GET redirect");
                }
            }
            case QR_CODE -> Checks.required(qrPayload, "PaymentAction.qrPayload" + needed);
            case VOUCHER -> Checks.required(voucherReference, "PaymentAction.voucherReference" + needed);
            case SDK -> {
                if (sdkData.isEmpty()) {
                    throw new IllegalArgumentException("PaymentAction.sdkData" + needed + " (not empty)");
                }
            }
            case BANK_DETAILS -> Checks.required(instructions, "PaymentAction.instructions" + needed);
        }
        if (type != ActionType.REDIRECT && httpMethod != null) {
            throw new IllegalArgumentException("PaymentAction.httpMethod must be null when type is " + type);
        }
    }

    /**
     * Send the shopper to a URL by GET.
     *
     * @param url the URL
     * @return the action
     */
    public static PaymentAction redirect(URI url) {
        return new PaymentAction(ActionType.REDIRECT, url, "GET", Map.of(), null, null, null, Map.of(), null);
    }

    /**
     * Send the shopper to a URL by posting a form (3-D Secure's classic form post).
     *
     * @param url        the URL
     * @param formFields the form
     * @return the action
     */
    public static PaymentAction postRedirect(URI url, Map<String, String> formFields) {
        return new PaymentAction(ActionType.REDIRECT, url, "POST", formFields, null, null, null, Map.of(), null);
    }

    /**
     * Show a QR code to scan.
     *
     * @param qrPayload the code's content
     * @param expiresAt when it lapses, or null
     * @return the action
     */
    public static PaymentAction qr(String qrPayload, Instant expiresAt) {
        return new PaymentAction(ActionType.QR_CODE, null, null, Map.of(), qrPayload, null, null, Map.of(), expiresAt);
    }

    /**
     * Show a voucher to pay in cash.
     *
     * @param voucherReference the voucher's number
     * @param url              a printable voucher page, or null
     * @param instructions     how to pay it, or null
     * @param expiresAt        when it lapses, or null
     * @return the action
     */
    public static PaymentAction voucher(String voucherReference, URI url, String instructions, Instant expiresAt) {
        return new PaymentAction(
                ActionType.VOUCHER, url, null, Map.of(), null, voucherReference, instructions, Map.of(), expiresAt);
    }

    /**
     * Let the provider's client SDK continue.
     *
     * @param sdkData what the SDK needs
     * @return the action
     */
    public static PaymentAction sdk(Map<String, String> sdkData) {
        return new PaymentAction(ActionType.SDK, null, null, Map.of(), null, null, null, sdkData, null);
    }

    /**
     * Show bank details to transfer to.
     *
     * @param instructions the account, amount and reference, in words
     * @param expiresAt    when the transfer must have arrived, or null
     * @return the action
     */
    public static PaymentAction bankDetails(String instructions, Instant expiresAt) {
        return new PaymentAction(
                ActionType.BANK_DETAILS, null, null, Map.of(), null, null, instructions, Map.of(), expiresAt);
    }
}
