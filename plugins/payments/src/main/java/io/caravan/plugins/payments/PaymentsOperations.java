package io.caravan.plugins.payments;

import io.caravan.sdk.payments.CaptureRequest;
import io.caravan.sdk.payments.PaymentCapturer;
import io.caravan.sdk.payments.PaymentOperationResult;
import io.caravan.sdk.payments.PaymentRefunder;
import io.caravan.sdk.payments.PaymentVoider;
import io.caravan.sdk.payments.RefundRequest;
import io.caravan.sdk.payments.VoidRequest;
import io.caravan.sdk.plugin.PluginContext;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code PAYMENT_CAPTURER}, {@code PAYMENT_VOIDER} and {@code PAYMENT_REFUNDER}. At the acquirer each
 * operation carries the platform's operation key as its idempotency key (partial captures and
 * refunds, amounts and currency checked by the acquirer too). For cash on delivery a capture is the
 * courier's collection and for bank transfer the merchant's confirmation that the money arrived;
 * a void cancels either; their refunds are paid out by the merchant outside the platform, so a
 * refund request fails with that reason instead of pretending.
 */
public final class PaymentsOperations implements PaymentCapturer, PaymentVoider, PaymentRefunder {
    @Override
    public PaymentOperationResult capture(PluginContext context, CaptureRequest request) {
        if (LocalPayments.owns(request.providerReference())) {
            return PaymentOperationResult.succeeded(
                    localReference("capture", request.operationKey()), request.amount());
        }
        Optional<AcquirerSettings> acquirer = AcquirerSettings.of(context.configuration());
        return acquirer.isEmpty()
                ? PaymentOperationResult.failed(request.amount(), "the acquirer is not configured")
                : Acquirer.capture(context, acquirer.get(), request);
    }

    @Override
    public PaymentOperationResult voidAuthorization(PluginContext context, VoidRequest request) {
        if (LocalPayments.owns(request.providerReference())) {
            return PaymentOperationResult.succeeded(localReference("void", request.operationKey()), request.amount());
        }
        Optional<AcquirerSettings> acquirer = AcquirerSettings.of(context.configuration());
        return acquirer.isEmpty()
                ? PaymentOperationResult.failed(request.amount(), "the acquirer is not configured")
                : Acquirer.voidPayment(context, acquirer.get(), request);
    }

    @Override
    public PaymentOperationResult refund(PluginContext context, RefundRequest request) {
        if (LocalPayments.owns(request.providerReference())) {
            return PaymentOperationResult.failed(
                    request.amount(),
                    "cash on delivery and bank transfers are refunded by the merchant's own bank transfer to the"
                            + " shopper; record it when paid");
        }
        Optional<AcquirerSettings> acquirer = AcquirerSettings.of(context.configuration());
        return acquirer.isEmpty()
                ? PaymentOperationResult.failed(request.amount(), "the acquirer is not configured")
                : Acquirer.refund(context, acquirer.get(), request);
    }

    /** The same operation key always names the same local operation. */
    private static String localReference(String what, String operationKey) {
        return what + "-" + HexFormat.of().formatHex(LocalPayments.sha256(operationKey), 0, 16);
    }
}
