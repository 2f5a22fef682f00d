package io.caravan.plugins.payments;

import io.caravan.sdk.payments.AuthorizationResult;
import io.caravan.sdk.payments.PaymentStatusQuery;
import io.caravan.sdk.payments.StatusRequest;
import io.caravan.sdk.plugin.PluginContext;
import java.util.Map;
import java.util.Optional;

/**
 * {@code PAYMENT_STATUS}: where an attempt stands, looked up by the platform's attempt key — in the
 * plugin's own records for cash on delivery and bank transfer, else at the acquirer, which keeps
 * every key it acted on (no record there: definitely not attempted).
 */
public final class PaymentsStatus implements PaymentStatusQuery {
    @Override
    public AuthorizationResult status(PluginContext context, StatusRequest request) {
        Optional<Map<String, Object>> local = LocalPayments.find(context, request.attemptKey());
        if (local.isPresent()) {
            return LocalPayments.result(context, local.get());
        }
        if (LocalPayments.owns(request.providerReference())) {
            return AuthorizationResult.notAttempted("no record of this attempt");
        }
        Optional<AcquirerSettings> acquirer = AcquirerSettings.of(context.configuration());
        if (acquirer.isEmpty()) {
            // no acquirer and no local record: nothing of this plugin can have acted
            return AuthorizationResult.notAttempted("no record of this attempt and no acquirer configured");
        }
        return Acquirer.status(context, acquirer.get(), request);
    }
}
