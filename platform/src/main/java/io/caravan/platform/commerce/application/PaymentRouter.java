package io.caravan.platform.commerce.application;

import io.caravan.platform.commerce.application.OrderWrites.AuthorizationOutcome;
import io.caravan.platform.commerce.domain.AttemptOutcome;
import io.caravan.platform.host.application.FailureKind;
import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.PluginFailedException;
import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.host.application.PluginOutcome;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.host.application.PluginRefusalException;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.AuthorizationRequest;
import io.caravan.sdk.payments.AuthorizationResult;
import io.caravan.sdk.payments.AuthorizationStatus;
import io.caravan.sdk.payments.PaymentAction;
import io.caravan.sdk.payments.PaymentSession;
import io.caravan.sdk.payments.PaymentSessionRequest;
import io.caravan.sdk.payments.StatusRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Authorises an order's payment at the providers the store routes its method to, one attempt per
 * provider, failing over to the next only after a definite decline or a definite "not attempted".
 * Anything else — a timeout, an exception, an answer that fails the checks — is an UNKNOWN outcome:
 * the provider may have charged, so no other provider is tried until a status query or a
 * notification resolves it. Each attempt is recorded before its call ({@link OrderWrites}).
 */
@ApplicationScoped
public class PaymentRouter {
    /** Admission refusals: the invoker never called the plugin, so nothing can have been charged. */
    private static final Set<FailureKind> NOT_CALLED =
            Set.of(FailureKind.CIRCUIT_OPEN, FailureKind.BULKHEAD_FULL, FailureKind.QUARANTINED);

    @Inject
    PluginHost host;

    @Inject
    OrderWrites writes;

    @Inject
    PaymentOperations operations;

    @Inject
    CommerceSettingsService settings;

    /**
     * What the shopper's storefront sent for the payment (nothing of it is stored).
     *
     * @param sessionInstallation the installation whose session {@code paymentToken} completes (its
     *                            client component produced it), or null for a token of no session
     * @param providerSessionId   that session's id at the provider, or null
     */
    public record PaymentInput(
            String paymentToken,
            URI returnUrl,
            Address billingAddress,
            Customer customer,
            Locale locale,
            String sessionInstallation,
            String providerSessionId) {

        /** Whether the token was made for {@code installationId}: a plain token, or its own session's. */
        boolean tokenFor(String installationId) {
            return paymentToken != null && (sessionInstallation == null || sessionInstallation.equals(installationId));
        }
    }

    /**
     * Runs the attempts from {@code firstPaymentId} (already recorded, at {@code providers.get(0)})
     * until one gives a result other than a definite failure, or the providers run out. At a
     * provider whose client component needs a session ({@code sessionProviders}) and without a
     * token made for it, the attempt opens a session instead of authorising: the attempt waits
     * (ACTION_REQUIRED, action SESSION) until the storefront sends the component's token.
     *
     * @return the order's state after the last attempt
     */
    public OrderWrites.State authorize(
            String storeId,
            String orderId,
            String firstPaymentId,
            List<InstalledPlugin> providers,
            Set<String> sessionProviders,
            String methodCode,
            long amount,
            String currency,
            PaymentInput input) {
        String paymentId = firstPaymentId;
        OrderWrites.State state = null;
        Money money = new Money(amount, Currency.getInstance(currency));
        for (int i = 0; i < providers.size(); i++) {
            InstalledPlugin provider = providers.get(i);
            String installation = provider.installationId().value();
            if (i > 0) {
                paymentId = writes.nextAttempt(storeId, orderId, provider);
            }
            AuthorizationOutcome outcome;
            if (sessionProviders.contains(installation) && !input.tokenFor(installation)) {
                outcome = openSession(
                        provider,
                        new PaymentSessionRequest(
                                paymentId, orderId, methodCode, money, input.customer(), input.returnUrl()),
                        input.locale());
            } else {
                AuthorizationRequest request = new AuthorizationRequest(
                        paymentId,
                        orderId,
                        methodCode,
                        money,
                        input.customer(),
                        input.billingAddress(),
                        input.paymentToken(),
                        input.returnUrl(),
                        installation.equals(input.sessionInstallation()) ? input.providerSessionId() : null);
                outcome = call(provider, request, input.locale());
            }
            state = writes.applyAuthorization(
                    storeId,
                    paymentId,
                    outcome,
                    "provider:" + provider.pluginId().value());
            if (!outcome.outcome().allowsNextProvider()) {
                return state;
            }
        }
        return state;
    }

    /**
     * Continues an attempt after the shopper acted (came back from a redirect, finished 3-D
     * Secure): the provider's plugin is asked with what the redirect carried.
     */
    public OrderWrites.State resume(
            io.caravan.platform.shared.domain.StoreRef store,
            String paymentId,
            java.util.Map<String, String> parameters) {
        io.caravan.platform.commerce.domain.Payment payment = writes.payment(store.id(), paymentId);
        if (payment.outcome() != AttemptOutcome.ACTION_REQUIRED) {
            return writes.state(store.id(), paymentId);
        }
        InstalledPlugin provider = host
                .providers(
                        store, PluginPoint.PAYMENT_AUTHORIZER, io.caravan.platform.host.application.RoutingFacts.NONE)
                .stream()
                .filter(i -> i.installationId().value().equals(payment.installationId()))
                .findFirst()
                .orElse(null);
        if (provider == null) {
            return writes.state(store.id(), paymentId);
        }
        io.caravan.sdk.payments.ResumeRequest request =
                new io.caravan.sdk.payments.ResumeRequest(paymentId, payment.providerReference(), parameters);
        Money asked = new Money(payment.amountMinor(), Currency.getInstance(payment.currency()));
        AuthorizationOutcome outcome;
        try {
            PluginOutcome<AuthorizationResult> answered = host.call(
                    provider,
                    PluginPoint.PAYMENT_AUTHORIZER,
                    (authorizer, ctx) -> checked(authorizer.resume(ctx, request), asked),
                    null,
                    Locale.ROOT);
            outcome = answered.answered()
                    ? outcomeOf(answered.value())
                    : unknown(
                            "the resume call was skipped: " + answered.failure().describe());
        } catch (PluginFailedException e) {
            outcome = unknown(e.failure().describe());
        } catch (PluginRefusalException e) {
            outcome = unknown("the resume call was refused: " + e.getMessage());
        }
        OrderWrites.State state = writes.applyAuthorization(
                store.id(),
                paymentId,
                outcome,
                "provider:" + provider.pluginId().value());
        // as after placement and after a notification: a store that captures at once captures now
        if (state.attempt() == AttemptOutcome.AUTHORIZED
                && settings.settings(store.id()).captureMode()
                        == io.caravan.platform.commerce.domain.CommerceSettings.CaptureMode.AT_ONCE) {
            operations.captureAfterAuthorization(store, paymentId);
            state = writes.state(store.id(), paymentId);
        }
        return state;
    }

    /** Asks the provider of an open attempt how it ended, by the platform's attempt key. */
    public AuthorizationOutcome status(InstalledPlugin provider, String attemptKey, String reference, Money amount) {
        StatusRequest request = new StatusRequest(attemptKey, reference, amount);
        try {
            PluginOutcome<AuthorizationResult> answered = host.call(
                    provider,
                    PluginPoint.PAYMENT_STATUS,
                    (query, ctx) -> checked(query.status(ctx, request), amount),
                    null,
                    Locale.ROOT);
            if (!answered.answered()) {
                return unknown(
                        "the status query was skipped: " + answered.failure().describe());
            }
            return outcomeOf(answered.value());
        } catch (PluginFailedException e) {
            return unknown("the status query failed: " + e.failure().describe());
        } catch (PluginRefusalException e) {
            return unknown("the status query was refused: " + e.getMessage());
        }
    }

    /**
     * Opens the provider's session for an attempt. A session moves no money: whatever goes wrong
     * is NOT_ATTEMPTED, and the next provider may be tried.
     */
    private AuthorizationOutcome openSession(InstalledPlugin provider, PaymentSessionRequest request, Locale locale) {
        String why;
        try {
            PluginOutcome<PaymentSession> answered = host.call(
                    provider,
                    PluginPoint.PAYMENT_SESSIONS,
                    (starter, ctx) -> {
                        PaymentSession session = starter.startSession(ctx, request);
                        if (session == null) {
                            throw new InvalidPluginAnswerException("the payments plugin returned no session (null)");
                        }
                        return session;
                    },
                    null,
                    locale);
            if (answered.answered()) {
                PaymentSession session = answered.value();
                return new AuthorizationOutcome(
                        AttemptOutcome.ACTION_REQUIRED,
                        null,
                        0,
                        CommerceJson.write(ActionView.session(session)),
                        null,
                        null,
                        "session " + session.providerSessionId() + " opened: the storefront completes it",
                        session.expiresAt());
            }
            why = "the session call was skipped: " + answered.failure().describe();
        } catch (PluginFailedException e) {
            why = "no session: " + e.failure().describe();
        } catch (PluginRefusalException e) {
            why = "no session: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            // the installation declared CLIENT_SESSION without providing PAYMENT_SESSIONS
            why = "no session: " + e.getMessage();
        }
        return new AuthorizationOutcome(AttemptOutcome.NOT_ATTEMPTED, null, 0, null, null, "session", why, null);
    }

    private AuthorizationOutcome call(InstalledPlugin provider, AuthorizationRequest request, Locale locale) {
        try {
            PluginOutcome<AuthorizationResult> answered = host.call(
                    provider,
                    PluginPoint.PAYMENT_AUTHORIZER,
                    (authorizer, ctx) -> checked(authorizer.authorize(ctx, request), request.amount()),
                    null,
                    locale);
            if (!answered.answered()) {
                // fail-open on authorisation: the plugin may still have acted
                return unknown(
                        "the provider call was skipped: " + answered.failure().describe());
            }
            return outcomeOf(answered.value());
        } catch (PluginFailedException e) {
            if (NOT_CALLED.contains(e.failure().kind())) {
                return new AuthorizationOutcome(
                        AttemptOutcome.NOT_ATTEMPTED,
                        null,
                        0,
                        null,
                        null,
                        e.failure().kind().name(),
                        "not attempted: " + e.failure().describe(),
                        null);
            }
            return unknown(e.failure().describe());
        } catch (PluginRefusalException e) {
            // the plugin refused the request outright, before calling its provider
            return new AuthorizationOutcome(
                    AttemptOutcome.NOT_ATTEMPTED, null, 0, null, null, e.code(), e.getMessage(), null);
        }
    }

    /**
     * The platform's check of an authorisation answer against the request, inside the call (a
     * wrong answer is the plugin's failure): the currency asked for, never more than asked.
     */
    static AuthorizationResult checked(AuthorizationResult result, Money asked) {
        if (result == null) {
            throw new InvalidPluginAnswerException("the payments plugin returned no result (null)");
        }
        Money amount = result.amount();
        if (amount != null) {
            if (!amount.currency().equals(asked.currency())) {
                throw new InvalidPluginAnswerException("the provider answered in "
                        + amount.currency().getCurrencyCode() + " for a payment in "
                        + asked.currency().getCurrencyCode());
            }
            if (amount.minorUnits() > asked.minorUnits()) {
                throw new InvalidPluginAnswerException(
                        "the provider answered " + amount.minorUnits() + " for a payment of " + asked.minorUnits());
            }
        }
        return result;
    }

    static AuthorizationOutcome outcomeOf(AuthorizationResult r) {
        AttemptOutcome outcome = switch (r.status()) {
            case AUTHORIZED -> AttemptOutcome.AUTHORIZED;
            case CAPTURED -> AttemptOutcome.CAPTURED;
            case ACTION_REQUIRED -> AttemptOutcome.ACTION_REQUIRED;
            case PENDING -> AttemptOutcome.PENDING;
            case DECLINED -> AttemptOutcome.DECLINED;
            case NOT_ATTEMPTED -> AttemptOutcome.NOT_ATTEMPTED;
            case UNKNOWN -> AttemptOutcome.UNKNOWN;
        };
        long amount = r.amount() == null ? 0 : r.amount().minorUnits();
        String message = r.decline() != null ? r.decline().message() : r.reason();
        return new AuthorizationOutcome(
                outcome,
                r.providerReference(),
                amount,
                r.status() == AuthorizationStatus.ACTION_REQUIRED || r.action() != null ? actionJson(r.action()) : null,
                r.decline() == null ? null : r.decline().category().name(),
                r.decline() == null ? null : r.decline().code(),
                message,
                // a voucher, a QR code or bank details carry their deadline in the action
                r.expiresAt() != null
                        ? r.expiresAt()
                        : r.action() == null ? null : r.action().expiresAt());
    }

    private static String actionJson(PaymentAction action) {
        return action == null ? null : CommerceJson.write(ActionView.of(action));
    }

    private static AuthorizationOutcome unknown(String why) {
        return new AuthorizationOutcome(AttemptOutcome.UNKNOWN, null, 0, null, null, null, why, null);
    }

    /** The shopper's next step as the storefront receives it. */
    public record ActionView(
            String type,
            String url,
            String httpMethod,
            java.util.Map<String, String> formFields,
            String qrPayload,
            String voucherReference,
            String instructions,
            java.util.Map<String, String> sdkData,
            java.time.Instant expiresAt,
            String sessionId) {
        /** The action type of a provider session the storefront completes with the client component's token. */
        public static final String SESSION = "SESSION";

        static ActionView of(PaymentAction a) {
            return new ActionView(
                    a.type().name(),
                    a.url() == null ? null : a.url().toString(),
                    a.httpMethod(),
                    a.formFields(),
                    a.qrPayload(),
                    a.voucherReference(),
                    a.instructions(),
                    a.sdkData(),
                    a.expiresAt(),
                    null);
        }

        static ActionView session(PaymentSession s) {
            return new ActionView(
                    SESSION, null, null, null, null, null, null, s.clientData(), s.expiresAt(), s.providerSessionId());
        }
    }
}
