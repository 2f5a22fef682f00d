package io.caravan.stack.gateway;

import io.caravan.stack.sandbox.ApiException;
import io.caravan.stack.sandbox.Json;
import io.caravan.stack.sandbox.LostAnswer;
import io.caravan.stack.sandbox.Reply;
import io.caravan.stack.sandbox.Request;
import io.caravan.stack.sandbox.SandboxClock;
import io.caravan.stack.sandbox.Webhooks;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One acquirer of the sandbox (its own accounts, payments, idempotency records, ledger and
 * webhooks; nothing is shared with the other providers, so a store can fail over from one to the
 * other). Every state change happens under this object's lock; a slow acquirer's hold and webhook
 * deliveries happen outside it.
 */
final class Provider {
    private static final Set<String> WALLETS = Set.of("gcash", "grabpay");
    private static final Set<String> VOUCHERS = Set.of("oxxo");
    private static final Map<String, Set<String>> METHOD_CURRENCIES = Map.of(
            "gcash", Set.of("PHP"),
            "grabpay", Set.of("PHP", "SGD", "MYR"),
            "oxxo", Set.of("MXN"));
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One idempotency slot: the request's canonical form and, once finished, its answer. */
    private record Slot(String fingerprint, Reply reply, String paymentId) {}

    final String name;
    private final GatewaySettings settings;
    private final SandboxClock clock;
    private final Webhooks webhooks;
    private final Supplier<String> baseUrl;
    private final List<MerchantAccount> fixedAccounts;

    private final Map<String, MerchantAccount> accountsByKey = new LinkedHashMap<>();
    private final Map<String, Payment> payments = new LinkedHashMap<>();
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Map<String, String> paymentByKey = new LinkedHashMap<>();
    private final List<Map<String, Object>> ledger = new ArrayList<>();
    private final Map<String, Webhooks.Event> events = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    /**
     * A payment session, as component-based acquirers open one before the shopper enters details:
     * the client component is handed the client secret; at most one payment may use it, for the
     * amount, currency and method it was opened for, before it expires.
     */
    private static final class Session {
        final String id;
        final MerchantAccount account;
        final long amount;
        final String currency;
        final String method;
        final String clientSecret;
        final Instant expiresAt;
        String paymentId;

        Session(MerchantAccount account, long amount, String currency, String method, Instant expiresAt) {
            this.id = "ps_" + random(16);
            this.account = account;
            this.amount = amount;
            this.currency = currency;
            this.method = method;
            this.clientSecret = id + "_secret_" + random(20);
            this.expiresAt = expiresAt;
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("object", "payment_session");
            json.put("amount", amount);
            json.put("currency", currency);
            json.put("method", method);
            json.put("client_secret", clientSecret);
            json.put("expires_at", expiresAt.toString());
            json.put("payment", paymentId);
            return json;
        }
    }

    Provider(
            String name,
            GatewaySettings settings,
            SandboxClock clock,
            Webhooks webhooks,
            Supplier<String> baseUrl,
            List<MerchantAccount> fixedAccounts) {
        this.name = name;
        this.settings = settings;
        this.clock = clock;
        this.webhooks = webhooks;
        this.baseUrl = baseUrl;
        this.fixedAccounts = List.copyOf(fixedAccounts);
        reset();
    }

    /** The provider's own base URL, e.g. {@code http://127.0.0.1:8280/acme}. */
    String url() {
        return baseUrl.get() + "/" + name;
    }

    synchronized void reset() {
        accountsByKey.clear();
        for (MerchantAccount a : fixedAccounts) {
            a.webhookUrl(null);
            accountsByKey.put(a.apiKey(), a);
        }
        payments.clear();
        slots.clear();
        paymentByKey.clear();
        ledger.clear();
        events.clear();
        sessions.clear();
    }

    synchronized MerchantAccount createAccount(String webhookUrl) {
        String suffix = random(8);
        MerchantAccount account = new MerchantAccount(
                "acct_" + name + "_" + suffix, name, "sk_test_" + name + "_" + random(16), "whsec_" + random(24), null);
        account.webhookUrl(webhookUrl);
        accountsByKey.put(account.apiKey(), account);
        return account;
    }

    synchronized List<MerchantAccount> accounts() {
        return List.copyOf(accountsByKey.values());
    }

    synchronized List<Map<String, Object>> ledger(String accountId) {
        return ledger.stream()
                .filter(e -> accountId == null || accountId.equals(e.get("account")))
                .toList();
    }

    // --- routing ---------------------------------------------------------------------------

    Reply handle(Request r, List<String> p) throws IOException, InterruptedException {
        String m = r.method;
        if (p.size() == 2 && p.get(0).equals("v1") && p.get(1).equals("sessions") && m.equals("POST")) {
            return createSession(r);
        }
        if (p.size() == 2 && p.get(0).equals("v1") && p.get(1).equals("account") && m.equals("GET")) {
            return account(r);
        }
        if (p.size() >= 2 && p.get(0).equals("v1") && p.get(1).equals("payments")) {
            if (p.size() == 2 && m.equals("POST")) {
                return createPayment(r);
            }
            if (p.size() == 2 && m.equals("GET")) {
                return findByIdempotencyKey(r);
            }
            if (p.size() == 3 && m.equals("GET")) {
                return getPayment(r, p.get(2));
            }
            if (p.size() == 4 && m.equals("POST")) {
                return switch (p.get(3)) {
                    case "capture" -> capture(r, p.get(2));
                    case "void" -> voidPayment(r, p.get(2));
                    case "refunds" -> refund(r, p.get(2));
                    default -> throw ApiException.notFound("no such operation: " + p.get(3));
                };
            }
        }
        if (p.size() == 3 && p.get(0).equals("hosted") && p.get(1).equals("3ds")) {
            if (m.equals("GET")) {
                return threeDsPage(p.get(2));
            }
            if (m.equals("POST")) {
                String outcome = Request.form(r.body).getOrDefault("outcome", "");
                Payment payment = completeThreeDs(p.get(2), outcome);
                return payment.returnUrl == null
                        ? Reply.html(
                                200,
                                page("Done", "<p>Payment " + payment.id + " is " + payment.status.wire() + ".</p>"))
                        : Reply.redirect(withQuery(payment.returnUrl, "payment_id", payment.id));
            }
        }
        if (p.size() >= 2 && p.get(0).equals("test")) {
            return testEndpoint(r, p.subList(1, p.size()));
        }
        throw ApiException.notFound("no such endpoint: " + m + " /" + name + "/" + String.join("/", p));
    }

    // --- the merchant API ------------------------------------------------------------------

    /** The account the API key belongs to (what a provider's "who am I" answers); 401 for a bad key. */
    private Reply account(Request r) {
        MerchantAccount account = authenticate(r);
        return Reply.json(
                200, Map.of("id", account.id(), "object", "account", "provider", name, "charges_enabled", true));
    }

    /** Opens a payment session (idempotent by key, like payments); moves no money. */
    private Reply createSession(Request r) {
        MerchantAccount account = authenticate(r);
        String key = idempotencyKey(r);
        Map<String, Object> body = r.json();
        String fingerprint = Json.write(body);
        String slot = account.id() + " POST /v1/sessions " + key;
        synchronized (this) {
            Reply earlier = replay(slot, fingerprint);
            if (earlier != null) {
                return earlier;
            }
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        long amount = amount(body, "amount", true, errors);
        String currency = string(body, "currency", true, errors);
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            errors.add(ApiException.field("currency", "an ISO 4217 code in capitals, e.g. EUR"));
        }
        String method = string(body, "method", true, errors);
        if (method != null && !method.equals("card")) {
            errors.add(ApiException.field("method", "sessions are for card payments, not '" + method + "'"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        synchronized (this) {
            Reply earlier = replay(slot, fingerprint);
            if (earlier != null) {
                return earlier;
            }
            Session session =
                    new Session(account, amount, currency, method, clock.now().plus(settings.actionTtl()));
            sessions.put(session.id, session);
            Reply reply = Reply.json(201, session.toJson());
            slots.put(slot, new Slot(fingerprint, reply, null));
            return reply;
        }
    }

    /** The session a payment names, checked against the payment; adds a field error when it does not fit. Under the lock. */
    private Session usableSession(
            String id,
            MerchantAccount account,
            String key,
            long amount,
            String currency,
            String method,
            List<Map<String, Object>> errors) {
        Session session = sessions.get(id);
        if (session == null || session.account != account) {
            errors.add(ApiException.field("session", "no session " + id));
            return null;
        }
        if (!clock.now().isBefore(session.expiresAt)) {
            errors.add(ApiException.field("session", "session " + id + " expired at " + session.expiresAt));
            return null;
        }
        if (session.paymentId != null && !session.paymentId.equals(paymentByKey.get(account.id() + " " + key))) {
            errors.add(ApiException.field("session", "session " + id + " was used by payment " + session.paymentId));
            return null;
        }
        if (session.amount != amount || !session.currency.equals(currency) || !session.method.equals(method)) {
            errors.add(ApiException.field(
                    "session",
                    "session " + id + " is for " + session.amount + " " + session.currency + " by " + session.method));
            return null;
        }
        return session;
    }

    private Reply createPayment(Request r) throws InterruptedException {
        MerchantAccount account = authenticate(r);
        String key = idempotencyKey(r);
        Map<String, Object> body = r.json();
        String fingerprint = Json.write(body);
        String slot = account.id() + " POST /v1/payments " + key;

        synchronized (this) {
            Reply earlier = replay(slot, fingerprint);
            if (earlier != null) {
                return earlier;
            }
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        long amount = amount(body, "amount", true, errors);
        String currency = string(body, "currency", true, errors);
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            errors.add(ApiException.field("currency", "an ISO 4217 code in capitals, e.g. EUR"));
            currency = null;
        }
        String method = string(body, "method", true, errors);
        if (method != null && !method.equals("card") && !WALLETS.contains(method) && !VOUCHERS.contains(method)) {
            errors.add(
                    ApiException.field("method", "unsupported method '" + method + "' (card, gcash, grabpay, oxxo)"));
            method = null;
        }
        if (method != null
                && currency != null
                && METHOD_CURRENCIES.containsKey(method)
                && !METHOD_CURRENCIES.get(method).contains(currency)) {
            errors.add(ApiException.field(
                    "currency",
                    method + " takes " + String.join(", ", METHOD_CURRENCIES.get(method)) + ", not " + currency));
        }
        String capture = string(body, "capture", false, errors);
        if (capture != null && !capture.equals("auto") && !capture.equals("manual")) {
            errors.add(ApiException.field("capture", "auto or manual"));
        }
        boolean manual = "manual".equals(capture);
        if (manual && method != null && VOUCHERS.contains(method)) {
            errors.add(ApiException.field("capture", "a cash voucher is captured when the shopper pays it"));
        }
        String testInput = string(body, "test_input", false, errors);
        TestInput input = null;
        if ("card".equals(method)) {
            if (testInput == null) {
                errors.add(ApiException.field(
                        "test_input", "a card needs a test token or number: " + TestInput.catalogue()));
            } else {
                input = TestInput.of(testInput).orElse(null);
                if (input != null && account.forcedInput() != null) {
                    input = account.forcedInput();
                }
                if (input == null) {
                    errors.add(ApiException.field(
                            "test_input", "unknown test card '" + testInput + "'; known: " + TestInput.catalogue()));
                }
            }
        }
        String returnUrl = url(body, "return_url", errors);
        String webhookUrl = url(body, "webhook_url", errors);
        String reference = string(body, "merchant_reference", false, errors);
        if (reference != null && reference.length() > 100) {
            errors.add(ApiException.field("merchant_reference", "at most 100 characters"));
        }
        String sessionId = string(body, "session", false, errors);
        if (!errors.isEmpty()) {
            // like the acquirers: a request refused by validation is not kept under its key
            throw ApiException.invalid(errors);
        }

        Payment payment;
        synchronized (this) {
            Reply earlier = replay(slot, fingerprint);
            if (earlier != null) {
                return earlier;
            }
            Session session = null;
            if (sessionId != null) {
                session = usableSession(sessionId, account, key, amount, currency, method, errors);
                if (!errors.isEmpty()) {
                    throw ApiException.invalid(errors);
                }
            }
            payment = new Payment(
                    "pay_" + random(12),
                    account,
                    key,
                    amount,
                    currency,
                    method,
                    manual,
                    reference,
                    returnUrl,
                    webhookUrl,
                    clock.now());
            payments.put(payment.id, payment);
            paymentByKey.put(account.id() + " " + key, payment.id);
            if (session != null) {
                session.paymentId = payment.id;
            }
            slots.put(slot, new Slot(fingerprint, null, payment.id));
            if (input == null || !(input == TestInput.TIMEOUT_CHARGE || input == TestInput.TIMEOUT_NO_CHARGE)) {
                Reply reply = start(payment, input);
                slots.put(slot, new Slot(fingerprint, reply, payment.id));
                if (input == TestInput.LOST_ANSWER) {
                    throw new LostAnswer();
                }
                return reply;
            }
        }
        // A slow acquirer: the request is held (a retry with the key meanwhile is told it is in use).
        Thread.sleep(settings.timeoutHold().toMillis());
        synchronized (this) {
            if (payments.get(payment.id) != payment) {
                return Reply.json(
                        503, error("acquirer_unavailable", "the sandbox was reset while the request was held"));
            }
            if (input == TestInput.TIMEOUT_NO_CHARGE) {
                // never reached the acquirer: no payment, no key; a status query says "never seen"
                payments.remove(payment.id);
                paymentByKey.remove(account.id() + " " + key);
                slots.remove(slot);
                sessions.values().stream()
                        .filter(s -> payment.id.equals(s.paymentId))
                        .forEach(s -> s.paymentId = null);
                return Reply.json(
                        503, error("acquirer_unavailable", "the acquirer did not answer; nothing was charged"));
            }
            Reply reply = start(payment, TestInput.SUCCESS);
            slots.put(slot, new Slot(fingerprint, reply, payment.id));
            return reply;
        }
    }

    /** The first step of a new payment, by method and test input. Under the lock. */
    private Reply start(Payment payment, TestInput input) {
        Instant now = clock.now();
        if (WALLETS.contains(payment.method)) {
            payment.status = Payment.Status.PENDING;
            payment.actionExpiresAt = now.plus(settings.actionTtl());
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("type", "qr_code");
            action.put(
                    "qr_payload",
                    "sandbox-wallet://" + payment.method + "/pay?merchant=" + payment.account.id() + "&payment="
                            + payment.id + "&amount=" + payment.amount + "&currency=" + payment.currency);
            action.put("expires_at", payment.actionExpiresAt.toString());
            payment.nextAction = action;
            return Reply.json(200, payment.toJson());
        }
        if (VOUCHERS.contains(payment.method)) {
            payment.status = Payment.Status.PENDING;
            payment.actionExpiresAt = now.plus(settings.voucherTtl());
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("type", "voucher");
            action.put("voucher_reference", digits(14));
            action.put("expires_at", payment.actionExpiresAt.toString());
            action.put(
                    "instructions",
                    "Pay in cash at any " + payment.method.toUpperCase(Locale.ROOT)
                            + " store before the voucher expires.");
            payment.nextAction = action;
            return Reply.json(200, payment.toJson());
        }
        if (input.declines()) {
            decline(payment, input.declineCode(), input.declineCategory(), input.description());
            return Reply.json(402, payment.toJson());
        }
        if (input == TestInput.THREE_DS) {
            payment.status = Payment.Status.REQUIRES_ACTION;
            payment.actionExpiresAt = now.plus(settings.actionTtl());
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("type", "redirect");
            action.put("url", url() + "/hosted/3ds/" + payment.id);
            action.put("expires_at", payment.actionExpiresAt.toString());
            payment.nextAction = action;
            return Reply.json(200, payment.toJson());
        }
        authorize(payment);
        return Reply.json(200, payment.toJson());
    }

    private Reply findByIdempotencyKey(Request r) {
        MerchantAccount account = authenticate(r);
        String key = r.query.get("idempotency_key");
        if (key == null || key.isEmpty()) {
            throw ApiException.invalid("parameter_missing", "idempotency_key", "idempotency_key is required");
        }
        synchronized (this) {
            String id = paymentByKey.get(account.id() + " " + key);
            if (id == null) {
                throw ApiException.notFound("no payment was ever created with idempotency key '" + key + "'");
            }
            Payment payment = payments.get(id);
            sweep(payment, clock.now());
            return Reply.json(200, payment.toJson());
        }
    }

    private Reply getPayment(Request r, String id) {
        MerchantAccount account = authenticate(r);
        synchronized (this) {
            Payment payment = owned(account, id);
            sweep(payment, clock.now());
            return Reply.json(200, payment.toJson());
        }
    }

    private Reply capture(Request r, String id) {
        Object finalFlag = r.json().get("final_capture");
        if (finalFlag != null && !(finalFlag instanceof Boolean)) {
            throw ApiException.invalid("parameter_invalid", "final_capture", "final_capture must be true or false");
        }
        boolean finalCapture = Boolean.TRUE.equals(finalFlag);
        return operation(r, id, "capture", (payment, amount, key) -> {
            if (!payment.holdsAuthorization()) {
                throw ApiException.conflict(
                        "payment_not_capturable", "a " + payment.status.wire() + " payment cannot be captured");
            }
            long value = amount == null ? payment.capturable() : amount;
            if (value > payment.capturable()) {
                throw ApiException.invalid(
                        "amount_too_large",
                        "amount",
                        "at most " + payment.capturable() + " can still be captured, not " + value);
            }
            Map<String, Object> op = capture(payment, value, key);
            if (finalCapture && payment.capturable() > 0) {
                // a final capture releases what is left of the authorisation, as Adyen's and Stripe's do
                long rest = payment.capturable();
                payment.released += rest;
                payment.status = Payment.Status.CAPTURED;
                Map<String, Object> release = operation(payment, "void", rest, key);
                ledger(payment, "void", rest, (String) release.get("id"));
                event(payment, "payment.voided", release);
            }
            return Reply.json(200, Map.of("operation", op, "payment", payment.toJson()));
        });
    }

    private Reply voidPayment(Request r, String id) {
        return operation(r, id, "void", (payment, amount, key) -> {
            if (amount != null) {
                throw ApiException.invalid("parameter_unknown", "amount", "a void releases everything not captured");
            }
            Map<String, Object> op;
            if (payment.awaitingShopper()) {
                payment.status = Payment.Status.CANCELED;
                op = operation(payment, "cancel", payment.amount, key);
                event(payment, "payment.canceled", op);
            } else if (payment.holdsAuthorization()) {
                long rest = payment.capturable();
                payment.released += rest;
                payment.status = payment.captured > 0 ? Payment.Status.CAPTURED : Payment.Status.VOIDED;
                op = operation(payment, "void", rest, key);
                ledger(payment, "void", rest, (String) op.get("id"));
                event(payment, "payment.voided", op);
            } else {
                throw ApiException.conflict(
                        "payment_not_voidable", "a " + payment.status.wire() + " payment cannot be voided");
            }
            return Reply.json(200, Map.of("operation", op, "payment", payment.toJson()));
        });
    }

    private Reply refund(Request r, String id) {
        return operation(r, id, "refunds", (payment, amount, key) -> {
            if (payment.refundable() <= 0) {
                throw ApiException.conflict(
                        "payment_not_refundable", "nothing captured is left to refund on this payment");
            }
            long value = amount == null ? payment.refundable() : amount;
            if (value > payment.refundable()) {
                throw ApiException.invalid(
                        "amount_too_large",
                        "amount",
                        "at most " + payment.refundable() + " captured is left to refund, not " + value);
            }
            payment.refunded += value;
            Map<String, Object> op = operation(payment, "refund", value, key);
            op.put("status", "succeeded");
            ledger(payment, "refund", value, (String) op.get("id"));
            event(payment, "refund.succeeded", op);
            return Reply.json(200, Map.of("operation", op, "payment", payment.toJson()));
        });
    }

    private interface Step {
        Reply apply(Payment payment, Long amount, String key);
    }

    /** Capture, void and refund: authenticated, each under its own idempotency key. */
    private Reply operation(Request r, String id, String what, Step step) {
        MerchantAccount account = authenticate(r);
        String key = idempotencyKey(r);
        Map<String, Object> body = r.json();
        String fingerprint = Json.write(body);
        String slot = account.id() + " POST /v1/payments/" + id + "/" + what + " " + key;
        List<Map<String, Object>> errors = new ArrayList<>();
        long amount = amount(body, "amount", false, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        synchronized (this) {
            Reply earlier = replay(slot, fingerprint);
            if (earlier != null) {
                return earlier;
            }
            Payment payment = owned(account, id);
            sweep(payment, clock.now());
            Object currency = body.get("currency");
            if (currency != null && !payment.currency.equals(currency)) {
                throw ApiException.invalid(
                        "currency_mismatch", "currency", "the payment is in " + payment.currency + ", not " + currency);
            }
            Reply reply = step.apply(payment, body.containsKey("amount") ? amount : null, key);
            slots.put(slot, new Slot(fingerprint, reply, payment.id));
            return reply;
        }
    }

    // --- the shopper's steps and the test endpoints ----------------------------------------

    private Reply threeDsPage(String id) {
        Payment payment;
        synchronized (this) {
            payment = payments.get(id);
            if (payment == null) {
                return Reply.html(404, page("Unknown payment", "<p>No payment " + escape(id) + ".</p>"));
            }
            sweep(payment, clock.now());
            if (payment.status != Payment.Status.REQUIRES_ACTION) {
                return Reply.html(
                        409, page("Nothing to confirm", "<p>Payment " + id + " is " + payment.status.wire() + ".</p>"));
            }
        }
        return Reply.html(
                200,
                page(
                        "Confirm your payment",
                        "<p>" + escape(name) + " asks you to confirm a payment of " + payment.amount + " (minor units) "
                                + payment.currency + ".</p>"
                                + "<form method=\"post\"><button name=\"outcome\" value=\"authenticate\">Confirm</button>"
                                + "<button name=\"outcome\" value=\"fail\">Fail authentication</button></form>"));
    }

    synchronized Payment completeThreeDs(String id, String outcome) {
        Payment payment = payments.get(id);
        if (payment == null) {
            throw ApiException.notFound("no payment " + id);
        }
        sweep(payment, clock.now());
        if (payment.status != Payment.Status.REQUIRES_ACTION) {
            throw ApiException.conflict(
                    "payment_not_awaiting_authentication", "the payment is " + payment.status.wire());
        }
        switch (outcome) {
            case "authenticate" -> authorize(payment);
            case "fail" -> decline(payment, "authentication_failed", "soft", "the shopper failed 3-D Secure");
            default -> throw ApiException.invalid("parameter_invalid", "outcome", "authenticate or fail");
        }
        return payment;
    }

    private Reply testEndpoint(Request r, List<String> p) throws IOException, InterruptedException {
        if (p.size() == 3 && p.get(0).equals("payments") && r.method.equals("POST")) {
            String id = p.get(1);
            String action = p.get(2);
            if (action.equals("3ds")) {
                Object outcome = r.json().getOrDefault("outcome", "authenticate");
                return Reply.json(
                        200, completeThreeDs(id, String.valueOf(outcome)).toJson());
            }
            synchronized (this) {
                Payment payment = payments.get(id);
                if (payment == null) {
                    throw ApiException.notFound("no payment " + id);
                }
                sweep(payment, clock.now());
                switch (action) {
                    case "wallet-approve" -> {
                        requirePending(payment, WALLETS);
                        authorize(payment);
                    }
                    case "wallet-decline" -> {
                        requirePending(payment, WALLETS);
                        decline(payment, "declined_by_shopper", "soft", "the shopper declined in the wallet app");
                    }
                    case "voucher-pay" -> {
                        requirePending(payment, VOUCHERS);
                        authorize(payment);
                    }
                    case "voucher-expire" -> {
                        requirePending(payment, VOUCHERS);
                        expireAction(payment);
                    }
                    case "expire-authorization" -> {
                        if (!payment.holdsAuthorization()) {
                            throw ApiException.conflict(
                                    "payment_not_authorized", "the payment is " + payment.status.wire());
                        }
                        expireAuthorization(payment);
                    }
                    case "dispute" -> {
                        if (payment.refundable() <= 0) {
                            throw ApiException.conflict(
                                    "payment_not_disputable", "nothing captured is left to dispute");
                        }
                        Map<String, Object> op = operation(payment, "dispute", payment.refundable(), null);
                        ledger(payment, "dispute", payment.refundable(), (String) op.get("id"));
                        event(payment, "dispute.opened", op);
                    }
                    default -> throw ApiException.notFound("no such test action: " + action);
                }
                return Reply.json(200, payment.toJson());
            }
        }
        if (p.size() == 1 && p.get(0).equals("ledger") && r.method.equals("GET")) {
            return Reply.json(200, Map.of("provider", name, "entries", ledger(r.query.get("account"))));
        }
        if (p.size() == 1 && p.get(0).equals("webhooks") && r.method.equals("GET")) {
            String accountId = r.query.get("account");
            List<Webhooks.Event> list;
            synchronized (this) {
                list = events.values().stream()
                        .filter(e -> accountId == null || accountId.equals(e.accountId))
                        .toList();
            }
            return Reply.json(
                    200,
                    Map.of("events", list.stream().map(Webhooks.Event::toJson).toList()));
        }
        if (p.size() == 3 && p.get(0).equals("webhooks") && r.method.equals("POST")) {
            Webhooks.Event event;
            synchronized (this) {
                event = events.get(p.get(1));
            }
            if (event == null) {
                throw ApiException.notFound("no event " + p.get(1));
            }
            if (p.get(2).equals("replay")) {
                return Reply.json(200, webhooks.replay(event).toJson());
            }
            if (p.get(2).equals("forge")) {
                return Reply.json(200, forge(event, r.json()).toJson());
            }
        }
        throw ApiException.notFound(
                "no such test endpoint: " + r.method + " /" + name + "/test/" + String.join("/", p));
    }

    /**
     * Sends a forged variant of a real event to its URL: {@code wrong_secret} (signed with a key
     * that is not the account's), {@code tampered} (the original signature over a body whose amount
     * was changed), {@code stale} (correctly signed, with a timestamp {@code age_seconds} old,
     * default 600) or {@code unsigned}.
     */
    private Webhooks.Answer forge(Webhooks.Event event, Map<String, Object> spec)
            throws IOException, InterruptedException {
        String mode = String.valueOf(spec.getOrDefault("mode", "wrong_secret"));
        long now = Instant.now().getEpochSecond();
        String body = event.body;
        String signature;
        switch (mode) {
            case "wrong_secret" -> signature = Webhooks.sign("whsec_forger_" + random(8), now, body);
            case "tampered" -> {
                String original = Webhooks.sign(event.secret, now, body);
                @SuppressWarnings("unchecked")
                Map<String, Object> parsed = (Map<String, Object>) Json.parse(body);
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) parsed.get("data");
                BigDecimal amount = (BigDecimal) data.get("amount");
                data.put("amount", amount.multiply(BigDecimal.TEN));
                body = Json.write(parsed);
                signature = original;
            }
            case "stale" -> {
                long age = spec.get("age_seconds") instanceof BigDecimal d ? d.longValue() : 600;
                signature = Webhooks.sign(event.secret, now - age, body);
            }
            case "unsigned" -> signature = null;
            default ->
                throw ApiException.invalid("parameter_invalid", "mode", "wrong_secret, tampered, stale or unsigned");
        }
        return webhooks.sendRaw(event.url, body, signature, event.id);
    }

    /** Expires what is due: shoppers' steps past their time, authorisations past their life. */
    synchronized void sweepAll() {
        Instant now = clock.now();
        payments.values().forEach(p -> sweep(p, now));
    }

    private void sweep(Payment payment, Instant now) {
        if (payment.awaitingShopper() && payment.actionExpiresAt != null && !payment.actionExpiresAt.isAfter(now)) {
            expireAction(payment);
        } else if (payment.holdsAuthorization()
                && payment.authorizationExpiresAt != null
                && !payment.authorizationExpiresAt.isAfter(now)) {
            expireAuthorization(payment);
        }
    }

    // --- state changes (under the lock) ----------------------------------------------------

    private void authorize(Payment payment) {
        payment.status = Payment.Status.AUTHORIZED;
        payment.authorized = payment.amount;
        payment.authorizationExpiresAt = clock.now().plus(settings.authorizationTtl());
        Map<String, Object> op = operation(payment, "authorization", payment.amount, payment.idempotencyKey);
        ledger(payment, "authorization", payment.amount, (String) op.get("id"));
        event(payment, "payment.authorized", op);
        // a voucher is paid in cash: it is captured as it is authorised
        if (!payment.manualCapture || VOUCHERS.contains(payment.method)) {
            capture(payment, payment.amount, payment.idempotencyKey);
        }
    }

    private Map<String, Object> capture(Payment payment, long amount, String key) {
        payment.captured += amount;
        payment.status = payment.capturable() == 0 ? Payment.Status.CAPTURED : Payment.Status.PARTIALLY_CAPTURED;
        Map<String, Object> op = operation(payment, "capture", amount, key);
        ledger(payment, "capture", amount, (String) op.get("id"));
        event(payment, "payment.captured", op);
        return op;
    }

    private void decline(Payment payment, String code, String category, String message) {
        payment.status = Payment.Status.FAILED;
        payment.declineCode = code;
        payment.declineCategory = category;
        payment.declineMessage = message;
        event(payment, "payment.failed", operation(payment, "decline", payment.amount, payment.idempotencyKey));
    }

    private void expireAction(Payment payment) {
        payment.status = Payment.Status.EXPIRED;
        event(payment, "payment.expired", operation(payment, "expiry", payment.amount, null));
    }

    private void expireAuthorization(Payment payment) {
        long rest = payment.capturable();
        payment.released += rest;
        payment.status = payment.captured > 0 ? Payment.Status.CAPTURED : Payment.Status.EXPIRED;
        Map<String, Object> op = operation(payment, "authorization_expiry", rest, null);
        ledger(payment, "release", rest, (String) op.get("id"));
        event(payment, "payment.expired", op);
    }

    private void requirePending(Payment payment, Set<String> methods) {
        if (!methods.contains(payment.method)) {
            throw ApiException.conflict("wrong_method", "a " + payment.method + " payment has no such step");
        }
        if (payment.status != Payment.Status.PENDING) {
            throw ApiException.conflict("payment_not_pending", "the payment is " + payment.status.wire());
        }
    }

    private Map<String, Object> operation(Payment payment, String type, long amount, String key) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("id", prefix(type) + random(12));
        op.put("type", type);
        op.put("amount", amount);
        op.put("currency", payment.currency);
        op.put("idempotency_key", key);
        op.put("created", clock.now().toString());
        payment.operations.add(op);
        return op;
    }

    private static String prefix(String type) {
        return switch (type) {
            case "capture" -> "cap_";
            case "refund" -> "re_";
            case "void", "cancel" -> "void_";
            case "dispute" -> "dp_";
            case "authorization" -> "auth_";
            default -> "op_";
        };
    }

    private void ledger(Payment payment, String type, long amount, String operationId) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", "le_" + random(10));
        e.put("account", payment.account.id());
        e.put("payment_id", payment.id);
        e.put("operation_id", operationId);
        e.put("type", type);
        e.put("amount", amount);
        e.put("currency", payment.currency);
        e.put("merchant_reference", payment.merchantReference);
        e.put("at", clock.now().toString());
        ledger.add(e);
    }

    private void event(Payment payment, String type, Map<String, Object> op) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payment_id", payment.id);
        data.put("operation_id", op.get("id"));
        data.put("idempotency_key", op.get("idempotency_key"));
        data.put("payment_idempotency_key", payment.idempotencyKey);
        data.put("merchant_reference", payment.merchantReference);
        data.put("amount", op.get("amount"));
        data.put("currency", payment.currency);
        data.put("status", payment.status.wire());
        data.put("amount_authorized", payment.authorized);
        data.put("amount_captured", payment.captured);
        data.put("amount_refunded", payment.refunded);
        if (payment.declineCode != null && type.equals("payment.failed")) {
            data.put("decline", Map.of("code", payment.declineCode, "category", payment.declineCategory));
        }
        Map<String, Object> e = new LinkedHashMap<>();
        String id = "evt_" + random(12);
        e.put("id", id);
        e.put("type", type);
        e.put("created", Instant.now().getEpochSecond());
        e.put("provider", name);
        e.put("account", payment.account.id());
        e.put("data", data);
        String url = payment.webhookUrl != null ? payment.webhookUrl : payment.account.webhookUrl();
        Webhooks.Event event =
                new Webhooks.Event(id, type, payment.account.id(), payment.account.webhookSecret(), url, Json.write(e));
        events.put(id, event);
        webhooks.deliver(event);
    }

    // --- request checks --------------------------------------------------------------------

    private MerchantAccount authenticate(Request r) {
        String header = r.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw ApiException.unauthorized("an API key is required: Authorization: Bearer <key>");
        }
        MerchantAccount account;
        synchronized (this) {
            account = accountsByKey.get(header.substring("Bearer ".length()).trim());
        }
        if (account == null) {
            throw ApiException.unauthorized("this API key is not valid at " + name);
        }
        return account;
    }

    private static String idempotencyKey(Request r) {
        String key = r.header("Idempotency-Key");
        if (key == null || key.isEmpty()) {
            throw ApiException.invalid(
                    "idempotency_key_missing", "Idempotency-Key", "the Idempotency-Key header is required");
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid(
                    "idempotency_key_invalid", "Idempotency-Key", "1 to 255 printable ASCII characters without spaces");
        }
        return key;
    }

    /** The earlier answer under this key; refuses a different request or one still in progress. Under the lock. */
    private Reply replay(String slot, String fingerprint) {
        Slot earlier = slots.get(slot);
        if (earlier == null) {
            return null;
        }
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new ApiException(
                    422,
                    "idempotency_error",
                    "idempotency_key_reused",
                    "this Idempotency-Key was used with different parameters",
                    List.of());
        }
        if (earlier.reply() == null) {
            throw ApiException.conflict(
                    "idempotency_key_in_use", "a request with this Idempotency-Key is still being processed");
        }
        return earlier.reply().replayed();
    }

    private Payment owned(MerchantAccount account, String id) {
        Payment payment = payments.get(id);
        if (payment == null || payment.account != account) {
            throw ApiException.notFound("no payment " + id);
        }
        return payment;
    }

    private static long amount(
            Map<String, Object> body, String name, boolean required, List<Map<String, Object>> errors) {
        Object value = body.get(name);
        if (value == null) {
            if (required) {
                errors.add(ApiException.field(name, name + " is required (minor units)"));
            }
            return 0;
        }
        if (!(value instanceof BigDecimal d)) {
            errors.add(ApiException.field(name, name + " must be a number of minor units"));
            return 0;
        }
        BigInteger whole;
        try {
            whole = d.toBigIntegerExact();
        } catch (ArithmeticException fraction) {
            errors.add(ApiException.field(name, name + " must be whole minor units, not " + d.toPlainString()));
            return 0;
        }
        if (whole.signum() <= 0 || whole.bitLength() > 63) {
            errors.add(ApiException.field(name, name + " must be between 1 and " + Long.MAX_VALUE));
            return 0;
        }
        return whole.longValueExact();
    }

    private static String string(
            Map<String, Object> body, String name, boolean required, List<Map<String, Object>> errors) {
        Object value = body.get(name);
        if (value == null) {
            if (required) {
                errors.add(ApiException.field(name, name + " is required"));
            }
            return null;
        }
        if (!(value instanceof String s) || s.isEmpty()) {
            errors.add(ApiException.field(name, name + " must be a non-empty string"));
            return null;
        }
        return s;
    }

    private static String url(Map<String, Object> body, String name, List<Map<String, Object>> errors) {
        String value = string(body, name, false, errors);
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException bad) {
            // reported below
        }
        errors.add(ApiException.field(name, name + " must be an absolute http(s) URL"));
        return null;
    }

    // --- small helpers ---------------------------------------------------------------------

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(RANDOM.nextInt(10));
        }
        return s.toString();
    }

    private static Map<String, Object> error(String code, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "api_error");
        e.put("code", code);
        e.put("message", message);
        return Map.of("error", e);
    }

    private static String withQuery(String url, String name, String value) {
        return url + (url.contains("?") ? "&" : "?") + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String page(String title, String content) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1>" + content + "</body></html>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
