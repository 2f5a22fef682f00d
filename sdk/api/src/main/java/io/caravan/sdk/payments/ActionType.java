package io.caravan.sdk.payments;

/**
 * What kind of step the shopper must take to complete a payment. New types may be added in a minor version.
 */
public enum ActionType {
    /** Go to a URL (3-D Secure, a bank's or wallet's page), by GET or by posting a form. */
    REDIRECT,
    /** Scan a QR code with a wallet or banking app (PIX, PromptPay, QRIS, WeChat Pay). */
    QR_CODE,
    /** Pay a voucher in cash at a shop or ATM (OXXO, Boleto, Konbini). */
    VOUCHER,
    /** Let the provider's client SDK take over with the data given (a native wallet sheet, a challenge). */
    SDK,
    /** Transfer the amount to the account and with the reference given. */
    BANK_DETAILS
}
