package io.caravan.sdk.payments;

/**
 * The family a payment method belongs to, for grouping and icons at checkout. New families may be
 * added in a minor version.
 */
public enum PaymentMethodType {
    /** Credit and debit cards. */
    CARD,
    /** E-wallets (PayPal, Alipay, GCash, GrabPay, Apple Pay). */
    WALLET,
    /** Real-time bank payments and bank redirects (iDEAL, PIX, FPX, Przelewy24). */
    BANK_TRANSFER,
    /** Buy now, pay later and instalments (Klarna, Afterpay). */
    PAY_LATER,
    /** Cash vouchers paid at a shop or ATM (OXXO, Boleto, Konbini). */
    CASH_VOUCHER,
    /** Cash on delivery, paid to the courier. */
    CASH_ON_DELIVERY,
    /** Anything else. */
    OTHER
}
