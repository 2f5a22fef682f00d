package io.caravan.plugins.payments;

import io.caravan.sdk.payments.PaymentMethodCodes;
import io.caravan.sdk.payments.PaymentSession;
import io.caravan.sdk.payments.PaymentSessionRequest;
import io.caravan.sdk.payments.PaymentSessionStarter;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginRejectedException;
import java.util.Optional;

/**
 * {@code PAYMENT_SESSIONS}: opens the acquirer's card session, for stores that collect card
 * details with the acquirer's client component ({@code acquirer.sessions}). Other methods have no
 * session: cash on delivery and bank transfer are this plugin's own, wallets and vouchers answer
 * with a QR code or a voucher at authorisation.
 */
public final class PaymentsSessions implements PaymentSessionStarter {
    @Override
    public PaymentSession startSession(PluginContext context, PaymentSessionRequest request) {
        Optional<AcquirerSettings> acquirer = AcquirerSettings.of(context.configuration());
        if (acquirer.isEmpty() || !acquirer.get().sessions()) {
            throw new PluginRejectedException("sessions_off", "this store does not use the acquirer's card sessions");
        }
        if (!PaymentMethodCodes.CARD.equals(request.methodCode())) {
            throw new PluginRejectedException("no_session", request.methodCode() + " has no session at the acquirer");
        }
        return Acquirer.startSession(context, acquirer.get(), request);
    }
}
