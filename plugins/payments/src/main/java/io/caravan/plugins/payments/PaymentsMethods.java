package io.caravan.plugins.payments;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.payments.PaymentCapability;
import io.caravan.sdk.payments.PaymentMethod;
import io.caravan.sdk.payments.PaymentMethodCodes;
import io.caravan.sdk.payments.PaymentMethodType;
import io.caravan.sdk.payments.PaymentMethodsProvider;
import io.caravan.sdk.plugin.PluginContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code PAYMENT_METHODS}: what this store offers for a cart — cash on delivery where it is
 * available for the destination and the amount, bank transfer when the merchant configured an
 * account, and the acquirer's methods whose currency fits the cart.
 */
public final class PaymentsMethods implements PaymentMethodsProvider {
    /** The acquirer's methods and the currencies each takes (card: any). */
    static final Map<String, Set<String>> ACQUIRER_CURRENCIES = Map.of(
            PaymentMethodCodes.GCASH, Set.of("PHP"),
            PaymentMethodCodes.GRABPAY, Set.of("PHP", "SGD", "MYR"),
            PaymentMethodCodes.OXXO, Set.of("MXN"));

    /** How long the acquirer keeps an authorisation, a QR code and a voucher open. */
    static final Duration AUTHORIZATION_VALIDITY = Duration.ofDays(7);

    static final Duration WALLET_EXPIRY = Duration.ofMinutes(15);
    static final Duration VOUCHER_EXPIRY = Duration.ofDays(3);

    @Override
    public List<PaymentMethod> availableMethods(PluginContext context, Cart cart) {
        List<PaymentMethod> methods = new ArrayList<>();
        CashOnDelivery cod = CashOnDelivery.of(context.configuration());
        CountryCode country = cart.destination();
        if (cod.refusal(country, cart.netTotal()).isEmpty()) {
            methods.add(new PaymentMethod(
                    PaymentMethodCodes.CASH_ON_DELIVERY,
                    "Cash on delivery",
                    PaymentMethodType.CASH_ON_DELIVERY,
                    EnumSet.of(PaymentCapability.SEPARATE_CAPTURE, PaymentCapability.VOID),
                    cod.fee(cart.currency()),
                    cod.maximum(cart.currency()).orElse(null),
                    cod.confirmationRequired(),
                    null,
                    null));
        }
        Optional<BankTransfer> bank = BankTransfer.of(context.configuration());
        if (bank.isPresent() && bank.get().accepts(cart.currency())) {
            methods.add(new PaymentMethod(
                    PaymentMethodCodes.BANK_TRANSFER,
                    "Bank transfer",
                    PaymentMethodType.BANK_TRANSFER,
                    EnumSet.of(PaymentCapability.SEPARATE_CAPTURE, PaymentCapability.VOID),
                    null,
                    null,
                    false,
                    bank.get().expiry(),
                    null));
        }
        Optional<AcquirerSettings> acquirer = AcquirerSettings.of(context.configuration());
        if (acquirer.isPresent()) {
            String currency = cart.currency().getCurrencyCode();
            for (String code : acquirer.get().methods()) {
                Set<String> currencies = ACQUIRER_CURRENCIES.get(code);
                if (currencies != null && !currencies.contains(currency)) {
                    continue;
                }
                methods.add(acquirerMethod(
                        code, acquirer.get().captureAtOnce(), acquirer.get().sessions()));
            }
        }
        return methods;
    }

    static PaymentMethod acquirerMethod(String code, boolean captureAtOnce, boolean sessions) {
        boolean voucher = PaymentMethodCodes.OXXO.equals(code);
        boolean separate = !captureAtOnce && !voucher;
        Set<PaymentCapability> capabilities = EnumSet.of(PaymentCapability.REFUND, PaymentCapability.PARTIAL_REFUND);
        if (sessions && PaymentMethodCodes.CARD.equals(code)) {
            capabilities.add(PaymentCapability.CLIENT_SESSION);
        }
        if (separate) {
            capabilities.addAll(EnumSet.of(
                    PaymentCapability.SEPARATE_CAPTURE,
                    PaymentCapability.PARTIAL_CAPTURE,
                    PaymentCapability.MULTIPLE_CAPTURES,
                    PaymentCapability.VOID));
        }
        String name;
        PaymentMethodType type;
        Duration pending;
        switch (code) {
            case PaymentMethodCodes.CARD -> {
                name = "Card";
                type = PaymentMethodType.CARD;
                pending = null;
            }
            case PaymentMethodCodes.GCASH -> {
                name = "GCash";
                type = PaymentMethodType.WALLET;
                pending = WALLET_EXPIRY;
            }
            case PaymentMethodCodes.GRABPAY -> {
                name = "GrabPay";
                type = PaymentMethodType.WALLET;
                pending = WALLET_EXPIRY;
            }
            case PaymentMethodCodes.OXXO -> {
                name = "OXXO cash voucher";
                type = PaymentMethodType.CASH_VOUCHER;
                pending = VOUCHER_EXPIRY;
            }
            default -> throw new IllegalStateException("the schema allows no method " + code);
        }
        return new PaymentMethod(
                code, name, type, capabilities, null, null, false, pending, separate ? AUTHORIZATION_VALIDITY : null);
    }
}
