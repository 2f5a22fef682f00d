package io.caravan.plugins.payments;

import io.caravan.plugins.support.Json;
import io.caravan.plugins.support.ProviderClient;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.ActionType;
import io.caravan.sdk.payments.AuthorizationRequest;
import io.caravan.sdk.payments.AuthorizationResult;
import io.caravan.sdk.payments.CaptureRequest;
import io.caravan.sdk.payments.Decline;
import io.caravan.sdk.payments.DeclineCategory;
import io.caravan.sdk.payments.PaymentAction;
import io.caravan.sdk.payments.PaymentMethodCodes;
import io.caravan.sdk.payments.PaymentOperationResult;
import io.caravan.sdk.payments.PaymentSession;
import io.caravan.sdk.payments.PaymentSessionRequest;
import io.caravan.sdk.payments.RefundRequest;
import io.caravan.sdk.payments.ResumeRequest;
import io.caravan.sdk.payments.StatusRequest;
import io.caravan.sdk.payments.VoidRequest;
import io.caravan.sdk.plugin.EgressDeniedException;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginRejectedException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Card, e-wallet and cash-voucher payments at the acquirer. Every answer maps to exactly one SDK
 * result and nothing is guessed: a decline is DECLINED with its category and the acquirer's
 * reference; a request the acquirer refused before acting (validation, API key) is NOT_ATTEMPTED;
 * a timeout, a connection that ended without an answer, a 5xx, or a key still in use is UNKNOWN —
 * the platform then asks {@link #status} by its own key, which the acquirer answers from its
 * idempotency records (404: it never saw the key, a definite NOT_ATTEMPTED).
 */
final class Acquirer {
    private Acquirer() {}

    static AuthorizationResult authorize(PluginContext context, AcquirerSettings settings, AuthorizationRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", r.amount().minorUnits());
        body.put("currency", r.amount().currency().getCurrencyCode());
        body.put("method", r.methodCode());
        // a cash voucher is captured when the shopper pays it: it has no separate capture
        boolean atOnce = settings.captureAtOnce() || PaymentMethodCodes.OXXO.equals(r.methodCode());
        body.put("capture", atOnce ? "auto" : "manual");
        body.put("merchant_reference", r.orderId());
        if (r.paymentToken() != null) {
            body.put("test_input", r.paymentToken());
        }
        if (r.returnUrl() != null) {
            body.put("return_url", r.returnUrl().toString());
        }
        if (r.providerSessionId() != null) {
            body.put("session", r.providerSessionId());
        }
        settings.notificationUrl().ifPresent(url -> body.put("webhook_url", url.toString()));
        ProviderClient.Answer answer;
        try {
            answer = settings.client(context).post("/v1/payments", r.attemptKey(), body);
        } catch (EgressDeniedException e) {
            return AuthorizationResult.notAttempted(cut("the platform refused the connection: " + e.getMessage()));
        } catch (ProviderClient.NotSent e) {
            return AuthorizationResult.notAttempted(cut(e.getMessage()));
        } catch (IOException e) {
            context.logger()
                    .warn("authorise: no answer from the acquirer ("
                            + e.getClass().getSimpleName() + ")");
            return AuthorizationResult.unknown(null, cut("no answer from the acquirer: " + describe(e)));
        }
        return switch (answer.status()) {
            case 200, 201, 402 -> fromPayment(answer.body());
            case 400 ->
                AuthorizationResult.notAttempted(cut("the acquirer refused the request: " + answer.errorMessage()));
            case 401, 403 -> AuthorizationResult.notAttempted("the acquirer refused the API key");
            case 404 ->
                AuthorizationResult.notAttempted(cut("the acquirer has no such endpoint: check acquirer.baseUrl"));
            default -> AuthorizationResult.unknown(null, cut(unclear(answer)));
        };
    }

    /**
     * Opens the acquirer's session for a card attempt, under the attempt's key (a repeat returns
     * the same session). Moves no money: any failure is a refusal the platform may fail over from.
     */
    static PaymentSession startSession(PluginContext context, AcquirerSettings settings, PaymentSessionRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", r.amount().minorUnits());
        body.put("currency", r.amount().currency().getCurrencyCode());
        body.put("method", r.methodCode());
        ProviderClient.Answer answer;
        try {
            answer = settings.client(context).post("/v1/sessions", r.attemptKey(), body);
        } catch (EgressDeniedException | IOException e) {
            throw new PluginRejectedException(
                    "session_unavailable", cut("the acquirer could not open a session: " + describe(e)));
        }
        if (answer.status() != 200 && answer.status() != 201) {
            throw new PluginRejectedException(
                    "session_refused", cut("the acquirer refused the session: " + unclear(answer)));
        }
        Map<String, Object> session = answer.body();
        Object id = session.get("id");
        Object secret = session.get("client_secret");
        Object expires = session.get("expires_at");
        if (!(id instanceof String) || !(secret instanceof String)) {
            throw new PluginRejectedException("session_refused", "the acquirer's session answer has no id or secret");
        }
        return new PaymentSession(
                (String) id,
                Map.of("clientSecret", (String) secret),
                expires instanceof String text ? Instant.parse(text) : null);
    }

    static AuthorizationResult resume(PluginContext context, AcquirerSettings settings, ResumeRequest r) {
        return lookUp(context, settings, "/v1/payments/" + ProviderClient.query(r.providerReference()), false);
    }

    static AuthorizationResult status(PluginContext context, AcquirerSettings settings, StatusRequest r) {
        return lookUp(context, settings, "/v1/payments?idempotency_key=" + ProviderClient.query(r.attemptKey()), true);
    }

    private static AuthorizationResult lookUp(
            PluginContext context, AcquirerSettings settings, String path, boolean byPlatformKey) {
        ProviderClient.Answer answer;
        try {
            answer = settings.client(context).get(path);
        } catch (EgressDeniedException | IOException e) {
            return AuthorizationResult.unknown(null, cut("the acquirer could not be asked: " + describe(e)));
        }
        if (answer.status() == 200) {
            return fromPayment(answer.body());
        }
        if (answer.status() == 404 && byPlatformKey) {
            // the acquirer keeps every key it acted on: it never saw this one
            return AuthorizationResult.notAttempted("the acquirer has no record of this attempt's key");
        }
        return AuthorizationResult.unknown(null, cut(unclear(answer)));
    }

    static PaymentOperationResult capture(PluginContext context, AcquirerSettings settings, CaptureRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", r.amount().minorUnits());
        body.put("currency", r.amount().currency().getCurrencyCode());
        body.put("final_capture", r.finalCapture());
        return operation(context, settings, r.providerReference(), "capture", r.operationKey(), r.amount(), body);
    }

    static PaymentOperationResult voidPayment(PluginContext context, AcquirerSettings settings, VoidRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("currency", r.amount().currency().getCurrencyCode());
        return operation(context, settings, r.providerReference(), "void", r.operationKey(), r.amount(), body);
    }

    static PaymentOperationResult refund(PluginContext context, AcquirerSettings settings, RefundRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", r.amount().minorUnits());
        body.put("currency", r.amount().currency().getCurrencyCode());
        return operation(context, settings, r.providerReference(), "refunds", r.operationKey(), r.amount(), body);
    }

    private static PaymentOperationResult operation(
            PluginContext context,
            AcquirerSettings settings,
            String providerReference,
            String what,
            String operationKey,
            Money amount,
            Map<String, Object> body) {
        ProviderClient.Answer answer;
        try {
            answer = settings.client(context)
                    .post("/v1/payments/" + ProviderClient.query(providerReference) + "/" + what, operationKey, body);
        } catch (EgressDeniedException e) {
            return PaymentOperationResult.failed(amount, cut("the platform refused the connection: " + e.getMessage()));
        } catch (ProviderClient.NotSent e) {
            return PaymentOperationResult.failed(amount, cut(e.getMessage()));
        } catch (IOException e) {
            return PaymentOperationResult.unknown(amount, cut("no answer from the acquirer: " + describe(e)));
        }
        int status = answer.status();
        String code = answer.errorCode();
        if (status == 200) {
            Map<String, Object> op = Json.object(answer.body().get("operation"), "operation");
            Long done = Json.whole(op, "amount");
            String currency = Json.text(op, "currency");
            String id = Json.text(op, "id");
            if (done == null || currency == null || id == null || done <= 0) {
                return PaymentOperationResult.unknown(amount, "the acquirer's answer names no operation");
            }
            return PaymentOperationResult.succeeded(id, Money.ofMinor(done, currency));
        }
        boolean definite = status == 400
                || status == 401
                || status == 403
                || status == 404
                || (status == 409 && !"idempotency_key_in_use".equals(code));
        if (definite) {
            return PaymentOperationResult.failed(amount, cut("the acquirer refused: " + answer.errorMessage()));
        }
        return PaymentOperationResult.unknown(amount, cut(unclear(answer)));
    }

    /** A payment object of the acquirer as the SDK's result (the acquirer's own amounts and currency). */
    static AuthorizationResult fromPayment(Map<String, Object> p) {
        String id = Json.text(p, "id");
        String status = Json.text(p, "status");
        String currency = Json.text(p, "currency");
        if (id == null || status == null || currency == null) {
            return AuthorizationResult.unknown(id, "the acquirer's answer is not a payment");
        }
        return switch (status) {
            case "authorized", "partially_captured" -> {
                Money authorized = money(p, "amount_authorized", currency);
                yield authorized == null
                        ? AuthorizationResult.unknown(id, "the acquirer names no authorised amount")
                        : AuthorizationResult.authorized(
                                id, authorized, instant(Json.text(p, "authorization_expires_at")));
            }
            case "captured" -> {
                Money captured = money(p, "amount_captured", currency);
                yield captured == null
                        ? AuthorizationResult.unknown(id, "the acquirer names no captured amount")
                        : AuthorizationResult.captured(id, captured);
            }
            case "requires_action", "pending" -> {
                PaymentAction action = action(p.get("next_action"));
                yield action == null
                        ? AuthorizationResult.unknown(id, "the acquirer waits for the shopper but names no step")
                        : AuthorizationResult.actionRequired(id, action);
            }
            case "failed" -> {
                Map<String, Object> d = p.get("decline") instanceof Map<?, ?> m ? Json.object(m, "decline") : Map.of();
                String code = Json.text(d, "code");
                yield AuthorizationResult.declined(
                        id,
                        new Decline(
                                category(Json.text(d, "category")),
                                code == null ? "declined" : cut(code, 64),
                                cut(String.valueOf(d.getOrDefault("message", "declined by the acquirer")))));
            }
            case "expired" ->
                AuthorizationResult.declined(
                        id, new Decline(DeclineCategory.SOFT, "expired", "the payment expired at the acquirer"));
            case "voided", "canceled" ->
                AuthorizationResult.declined(
                        id,
                        new Decline(DeclineCategory.SOFT, status, "the payment was " + status + " at the acquirer"));
            case "processing" -> AuthorizationResult.unknown(id, "the acquirer is still processing the payment");
            default -> AuthorizationResult.unknown(id, cut("the acquirer reports status " + status));
        };
    }

    private static PaymentAction action(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, Object> a = Json.object(m, "next_action");
        Instant expires = instant(Json.text(a, "expires_at"));
        String type = Json.text(a, "type");
        if ("redirect".equals(type) && Json.text(a, "url") != null) {
            return new PaymentAction(
                    ActionType.REDIRECT,
                    URI.create(Json.text(a, "url")),
                    "GET",
                    Map.of(),
                    null,
                    null,
                    null,
                    Map.of(),
                    expires);
        }
        if ("qr_code".equals(type) && Json.text(a, "qr_payload") != null) {
            return PaymentAction.qr(Json.text(a, "qr_payload"), expires);
        }
        if ("voucher".equals(type) && Json.text(a, "voucher_reference") != null) {
            return PaymentAction.voucher(
                    Json.text(a, "voucher_reference"), null, Json.text(a, "instructions"), expires);
        }
        return null;
    }

    static DeclineCategory category(String category) {
        if (category == null) {
            return DeclineCategory.HARD; // unknown: do not retry the same card
        }
        return switch (category) {
            case "soft" -> DeclineCategory.SOFT;
            case "fraud" -> DeclineCategory.FRAUD;
            default -> DeclineCategory.HARD;
        };
    }

    /** A positive amount of the answer, or null when it is missing or not positive. */
    private static Money money(Map<String, Object> p, String name, String currency) {
        Long minor = Json.whole(p, name);
        return minor == null || minor <= 0 ? null : Money.ofMinor(minor, currency);
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String unclear(ProviderClient.Answer answer) {
        String code = answer.errorCode();
        return "the acquirer answered HTTP " + answer.status() + (code == null ? "" : " " + code) + ": "
                + answer.errorMessage();
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    static String cut(String text) {
        return cut(text, 300);
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
