package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import java.util.regex.Pattern;

/**
 * The shared vocabulary of payment method codes ({@link PaymentMethod#methodCode()}): every payments
 * plugin names the same method with the same code, so a store's routing rule can say "{@code pix}:
 * provider A, then provider B" whichever plugins it has installed.
 *
 * <p>A code is a lower-case token matching {@link #PATTERN}. Use the constant here when the method
 * has one; a method without one (a new local wallet) uses its own lower-case name and the SDK adds
 * a constant in a minor version. The list covers the common methods of the markets Caravan sells to
 * (per country: cards, wallets, real-time payments, vouchers, pay later, cash on delivery).
 */
public final class PaymentMethodCodes {

    /** What every method code matches: a letter, then 1 to 31 lower-case letters, digits or underscores. */
    public static final String PATTERN = "[a-z][a-z0-9_]{1,31}";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    // Cards and card wallets
    /** Credit and debit cards (Visa, Mastercard, Amex, JCB, local networks). */
    public static final String CARD = "card";
    /** Apple Pay. */
    public static final String APPLE_PAY = "apple_pay";
    /** Google Pay. */
    public static final String GOOGLE_PAY = "google_pay";
    /** Samsung Pay. */
    public static final String SAMSUNG_PAY = "samsung_pay";
    /** Bancontact (Belgium, card and app). */
    public static final String BANCONTACT = "bancontact";
    /** Cartes Bancaires (France). */
    public static final String CARTES_BANCAIRES = "cartes_bancaires";
    /** UnionPay cards and QR (China). */
    public static final String UNIONPAY = "unionpay";
    /** mada (Saudi Arabia's debit network). */
    public static final String MADA = "mada";

    // Wallets
    /** PayPal (and Venmo). */
    public static final String PAYPAL = "paypal";
    /** Alipay (China). */
    public static final String ALIPAY = "alipay";
    /** WeChat Pay (China). */
    public static final String WECHAT_PAY = "wechat_pay";
    /** Mercado Pago (Latin America). */
    public static final String MERCADO_PAGO = "mercado_pago";
    /** GCash (Philippines). */
    public static final String GCASH = "gcash";
    /** Maya (Philippines). */
    public static final String MAYA = "maya";
    /** GrabPay (South-East Asia). */
    public static final String GRABPAY = "grabpay";
    /** DANA (Indonesia). */
    public static final String DANA = "dana";
    /** OVO (Indonesia). */
    public static final String OVO = "ovo";
    /** GoPay (Indonesia). */
    public static final String GOPAY = "gopay";
    /** ShopeePay (South-East Asia). */
    public static final String SHOPEEPAY = "shopeepay";
    /** Touch 'n Go eWallet (Malaysia). */
    public static final String TOUCH_N_GO = "touch_n_go";
    /** TrueMoney (Thailand). */
    public static final String TRUEMONEY = "truemoney";
    /** MoMo (Vietnam). */
    public static final String MOMO = "momo";
    /** ZaloPay (Vietnam). */
    public static final String ZALOPAY = "zalopay";
    /** PayPay (Japan). */
    public static final String PAYPAY = "paypay";
    /** Kakao Pay (South Korea). */
    public static final String KAKAO_PAY = "kakao_pay";
    /** Naver Pay (South Korea). */
    public static final String NAVER_PAY = "naver_pay";
    /** Toss Pay (South Korea). */
    public static final String TOSS_PAY = "toss_pay";
    /** Satispay (Italy). */
    public static final String SATISPAY = "satispay";
    /** Nequi (Colombia). */
    public static final String NEQUI = "nequi";
    /** STC Pay (Saudi Arabia). */
    public static final String STC_PAY = "stc_pay";
    /** OPay (Nigeria). */
    public static final String OPAY = "opay";

    // Real-time payments and bank redirects
    /** iDEAL (Netherlands). */
    public static final String IDEAL = "ideal";
    /** Wero (EPI, Belgium, France, Germany, Netherlands). */
    public static final String WERO = "wero";
    /** BLIK (Poland). */
    public static final String BLIK = "blik";
    /** Przelewy24 (Poland). */
    public static final String PRZELEWY24 = "przelewy24";
    /** Swish (Sweden). */
    public static final String SWISH = "swish";
    /** Bizum (Spain). */
    public static final String BIZUM = "bizum";
    /** MyBank / BANCOMAT Pay (Italy). */
    public static final String MYBANK = "mybank";
    /** Pix (Brazil). */
    public static final String PIX = "pix";
    /** SPEI (Mexico). */
    public static final String SPEI = "spei";
    /** PSE (Colombia). */
    public static final String PSE = "pse";
    /** Bre-B (Colombia). */
    public static final String BRE_B = "bre_b";
    /** DEBIN / interoperable QR (Argentina). */
    public static final String DEBIN = "debin";
    /** UPI (India). */
    public static final String UPI = "upi";
    /** Netbanking (India). */
    public static final String NETBANKING = "netbanking";
    /** QRIS (Indonesia). */
    public static final String QRIS = "qris";
    /** FPX (Malaysia). */
    public static final String FPX = "fpx";
    /** DuitNow QR (Malaysia). */
    public static final String DUITNOW = "duitnow";
    /** PromptPay (Thailand). */
    public static final String PROMPTPAY = "promptpay";
    /** PayNow (Singapore). */
    public static final String PAYNOW = "paynow";
    /** PayTo (Australia). */
    public static final String PAYTO = "payto";
    /** Pay-easy (Japan). */
    public static final String PAY_EASY = "pay_easy";
    /** USSD bank payments (Nigeria). */
    public static final String USSD = "ussd";
    /** SEPA Direct Debit (EU). */
    public static final String SEPA_DEBIT = "sepa_debit";
    /** A bank transfer to the merchant's account or a virtual account, confirmed when received. */
    public static final String BANK_TRANSFER = "bank_transfer";

    // Pay later
    /** Klarna (pay now, pay later, instalments). */
    public static final String KLARNA = "klarna";
    /** Afterpay / Clearpay. */
    public static final String AFTERPAY = "afterpay";
    /** Affirm (US). */
    public static final String AFFIRM = "affirm";
    /** Zip (Australia). */
    public static final String ZIP = "zip";
    /** Tabby (Gulf states). */
    public static final String TABBY = "tabby";
    /** Tamara (Gulf states). */
    public static final String TAMARA = "tamara";
    /** Purchase on invoice (Germany's Rechnungskauf, Riverty). */
    public static final String INVOICE = "invoice";

    // Cash vouchers
    /** Boleto Bancário (Brazil). */
    public static final String BOLETO = "boleto";
    /** OXXO Pay (Mexico). */
    public static final String OXXO = "oxxo";
    /** Efecty (Colombia). */
    public static final String EFECTY = "efecty";
    /** Rapipago / Pago Fácil (Argentina). */
    public static final String RAPIPAGO = "rapipago";
    /** Konbini convenience-store payment (Japan). */
    public static final String KONBINI = "konbini";
    /** Convenience-store payment in Indonesia (Alfamart, Indomaret). */
    public static final String INDONESIA_CONVENIENCE_STORE = "id_convenience_store";
    /** Any other cash voucher paid at a shop or agent. */
    public static final String CASH_VOUCHER = "cash_voucher";

    // Cash on delivery
    /** Cash (or card) paid to the courier on delivery. */
    public static final String CASH_ON_DELIVERY = "cash_on_delivery";

    private PaymentMethodCodes() {}

    /**
     * Whether a text is a well-formed method code.
     *
     * @param code a text, may be null
     * @return true if it matches {@link #PATTERN}
     */
    public static boolean isWellFormed(String code) {
        return code != null && COMPILED.matcher(code).matches();
    }

    /**
     * Checks a method code.
     *
     * @param code  the code
     * @param field the field name for the message
     * @return {@code code}
     * @throws IllegalArgumentException if it is null or does not match {@link #PATTERN}
     */
    public static String check(String code, String field) {
        return Checks.matches(code, field, PATTERN, "a payment method code such as \"pix\" (" + PATTERN + ")");
    }
}
