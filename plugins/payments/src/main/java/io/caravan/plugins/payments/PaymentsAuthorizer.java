package io.caravan.plugins.payments;

import io.caravan.sdk.payments.AuthorizationRequest;
import io.caravan.sdk.payments.AuthorizationResult;
import io.caravan.sdk.payments.PaymentAuthorizer;
import io.caravan.sdk.payments.PaymentMethodCodes;
import io.caravan.sdk.payments.ResumeRequest;
import io.caravan.sdk.plugin.PluginContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code PAYMENT_AUTHORIZER}: cash on delivery and bank transfer are recorded here (no provider
 * call); every other method goes to the acquirer with the platform's attempt key as its
 * idempotency key, so a redelivered call can never charge twice.
 */
public final class PaymentsAuthorizer implements PaymentAuthorizer {
    @Override
    public AuthorizationResult authorize(PluginContext context, AuthorizationRequest request) {
        String method = request.methodCode();
        if (PaymentMethodCodes.CASH_ON_DELIVERY.equals(method)) {
            Optional<String> refusal =
                    CashOnDelivery.of(context.configuration()).refusal(request.amount());
            if (refusal.isPresent()) {
                return AuthorizationResult.notAttempted(refusal.get());
            }
            Map<String, Object> r = LocalPayments.recordOnce(
                    context,
                    request.attemptKey(),
                    LocalPayments.record(
                            method, LocalPayments.codReference(request.attemptKey()), request.amount(), null, null));
            return LocalPayments.result(context, r);
        }
        if (PaymentMethodCodes.BANK_TRANSFER.equals(method)) {
            Optional<BankTransfer> bank = BankTransfer.of(context.configuration());
            if (bank.isEmpty() || !bank.get().accepts(request.amount().currency())) {
                return AuthorizationResult.notAttempted("bank transfer is not configured for this currency");
            }
            String reference = BankTransfer.reference(request.attemptKey());
            Instant deadline = context.clock().instant().plus(bank.get().expiry());
            Map<String, Object> r = LocalPayments.recordOnce(
                    context,
                    request.attemptKey(),
                    LocalPayments.record(
                            method,
                            LocalPayments.BANK_PREFIX + reference,
                            request.amount(),
                            deadline,
                            bank.get().instructions(reference, request.amount(), deadline)));
            return LocalPayments.result(context, r);
        }
        Optional<AcquirerSettings> acquirer = AcquirerSettings.of(context.configuration());
        if (acquirer.isEmpty() || !acquirer.get().methods().contains(method)) {
            return AuthorizationResult.notAttempted("this store does not offer " + method + " through this plugin");
        }
        return Acquirer.authorize(context, acquirer.get(), request);
    }

    @Override
    public AuthorizationResult resume(PluginContext context, ResumeRequest request) {
        if (LocalPayments.owns(request.providerReference())) {
            return LocalPayments.find(context, request.attemptKey())
                    .map(r -> LocalPayments.result(context, r))
                    .orElse(AuthorizationResult.unknown(request.providerReference(), "no record of this attempt"));
        }
        Optional<AcquirerSettings> acquirer = AcquirerSettings.of(context.configuration());
        if (acquirer.isEmpty()) {
            return AuthorizationResult.unknown(request.providerReference(), "the acquirer is not configured");
        }
        return Acquirer.resume(context, acquirer.get(), request);
    }
}
