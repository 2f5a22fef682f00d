package io.caravan.stack.gateway;

import com.sun.net.httpserver.HttpServer;
import io.caravan.stack.sandbox.ApiException;
import io.caravan.stack.sandbox.Exchanges;
import io.caravan.stack.sandbox.Reply;
import io.caravan.stack.sandbox.Request;
import io.caravan.stack.sandbox.SandboxClock;
import io.caravan.stack.sandbox.Webhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A sandbox card / e-wallet / cash-voucher acquirer that runs locally as a real HTTP server, with
 * the behaviour of a real one (API keys, idempotency keys, declines with codes and categories,
 * 3-D Secure on a hosted page, QR codes and vouchers paid outside the checkout, slow answers, lost
 * answers, partial captures and refunds, expiring authorisations, signed and retried webhooks) and
 * a ledger of every money movement, so tests can assert "exactly one charge".
 *
 * <p>Two independent providers live under path prefixes, {@code /acme} and {@code /zenpay}, each
 * with its own accounts, payments and ledger. The API of each: {@code POST /v1/payments},
 * {@code GET /v1/payments?idempotency_key=}, {@code GET /v1/payments/{id}}, {@code POST
 * /v1/payments/{id}/capture|void|refunds}; the test endpoints are under {@code /{provider}/test/}
 * and {@code /test/}. The whole contract is in the repository's README, "The sandbox payment
 * gateway".
 *
 * <p>Listens on 127.0.0.1 only. {@link #start(int)} with port 0 picks a free port.
 */
public final class SandboxPaymentGateway implements AutoCloseable {
    /** The providers and their fixed demo accounts (more accounts: {@code POST /test/accounts}). */
    public static final String ACME = "acme";

    public static final String ZENPAY = "zenpay";

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService scheduler;
    private final GatewaySettings settings = new GatewaySettings();
    private final SandboxClock clock = new SandboxClock();
    private final Map<String, Provider> providers = new LinkedHashMap<>();

    private SandboxPaymentGateway(int port) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        // virtual threads: a held ("slow acquirer") request must not starve the others
        this.handlers = Executors.newVirtualThreadPerTaskExecutor();
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "sandbox-gateway-scheduler");
            t.setDaemon(true);
            return t;
        });
        Webhooks webhooks = new Webhooks(
                scheduler,
                Webhooks.Retries.of(settings::webhookRetryBase, settings::webhookMaxAttempts),
                Webhooks.SIGNATURE_HEADER,
                "Sandbox-Event-Id");
        for (String name : List.of(ACME, ZENPAY)) {
            MerchantAccount demo = new MerchantAccount(
                    "acct_" + name + "_demo", name, "sk_test_" + name + "_demo", "whsec_" + name + "_demo", null);
            providers.put(name, new Provider(name, settings, clock, webhooks, this::url, List.of(demo)));
        }
        server.setExecutor(handlers);
        server.createContext("/", exchange -> Exchanges.serve(exchange, this::route));
    }

    /** Starts the gateway on 127.0.0.1:{@code port} (0: any free port). */
    public static SandboxPaymentGateway start(int port) {
        try {
            SandboxPaymentGateway gateway = new SandboxPaymentGateway(port);
            gateway.server.start();
            // expiries fall due with the clock as well as when a payment is read
            gateway.scheduler.scheduleWithFixedDelay(gateway::sweep, 1, 1, TimeUnit.SECONDS);
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox payment gateway on port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL of one provider's API, e.g. {@code http://127.0.0.1:8280/acme}. */
    public String providerUrl(String provider) {
        return provider(provider).url();
    }

    /** The provider's fixed demo account (API key {@code sk_test_<provider>_demo}). */
    public MerchantAccount demoAccount(String provider) {
        return provider(provider).accounts().getFirst();
    }

    /** A fresh account at a provider, for a test that wants a ledger and webhooks of its own. */
    public MerchantAccount createAccount(String provider, String webhookUrl) {
        return provider(provider).createAccount(webhookUrl);
    }

    /** Every ledger entry of one account at a provider (type, amount, currency, payment id…). */
    public List<Map<String, Object>> ledger(String provider, String accountId) {
        return provider(provider).ledger(accountId);
    }

    /** Stops listening, drops held requests and undelivered webhooks. */
    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        scheduler.shutdownNow();
    }

    private Provider provider(String name) {
        Provider p = providers.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no provider " + name + "; the sandbox has " + providers.keySet());
        }
        return p;
    }

    private void sweep() {
        providers.values().forEach(Provider::sweepAll);
    }

    private Reply route(Request r) throws IOException, InterruptedException {
        List<String> p = r.path;
        if (p.isEmpty() && r.method.equals("GET")) {
            return Reply.json(200, index());
        }
        if (!p.isEmpty() && providers.containsKey(p.getFirst())) {
            return providers.get(p.getFirst()).handle(r, p.subList(1, p.size()));
        }
        if (p.size() >= 2 && p.getFirst().equals("test")) {
            return test(r, p.subList(1, p.size()));
        }
        throw ApiException.notFound("no such endpoint: " + r.method + " /" + String.join("/", p));
    }

    /** The gateway-wide test endpoints: reset, ledger, clock, accounts, settings. */
    private Reply test(Request r, List<String> p) {
        String what = String.join("/", p);
        switch (r.method + " " + what) {
            case "POST reset" -> {
                providers.values().forEach(Provider::reset);
                clock.reset();
                return Reply.json(200, Map.of("reset", true));
            }
            case "GET ledger" -> {
                Map<String, Object> all = new LinkedHashMap<>();
                providers.forEach((name, provider) -> all.put(name, provider.ledger(r.query.get("account"))));
                return Reply.json(200, Map.of("providers", all));
            }
            case "GET clock" -> {
                return Reply.json(200, clockJson());
            }
            case "POST clock" -> {
                Map<String, Object> body = r.json();
                if (!(body.get("advance_seconds") instanceof BigDecimal seconds) || seconds.signum() < 0) {
                    throw ApiException.invalid(
                            "parameter_invalid", "advance_seconds", "a number of seconds to move the clock forward");
                }
                clock.advance(Duration.ofMillis(seconds.movePointRight(3).longValue()));
                sweep();
                return Reply.json(200, clockJson());
            }
            case "POST accounts" -> {
                Map<String, Object> body = r.json();
                Object name = body.get("provider");
                if (!(name instanceof String n) || !providers.containsKey(n)) {
                    throw ApiException.invalid("parameter_invalid", "provider", "one of " + providers.keySet());
                }
                Object webhookUrl = body.get("webhook_url");
                Object forced = body.get("forced_input");
                TestInput forcedInput = null;
                if (forced != null) {
                    forcedInput = forced instanceof String f ? TestInput.of(f).orElse(null) : null;
                    if (forcedInput == null) {
                        throw ApiException.invalid(
                                "parameter_invalid", "forced_input", "a test card token: " + TestInput.catalogue());
                    }
                }
                MerchantAccount account = providers.get(n).createAccount(webhookUrl instanceof String s ? s : null);
                account.forcedInput(forcedInput);
                return Reply.json(200, accountJson(account));
            }
            case "GET config" -> {
                return Reply.json(200, settings.toJson());
            }
            case "POST config" -> {
                configure(r.json());
                return Reply.json(200, settings.toJson());
            }
            default -> {
                if (p.size() == 3
                        && p.get(0).equals("accounts")
                        && p.get(2).equals("webhook")
                        && r.method.equals("PUT")) {
                    Object url = r.json().get("webhook_url");
                    for (Provider provider : providers.values()) {
                        for (MerchantAccount account : provider.accounts()) {
                            if (account.id().equals(p.get(1))) {
                                account.webhookUrl(url instanceof String s ? s : null);
                                return Reply.json(200, accountJson(account));
                            }
                        }
                    }
                    throw ApiException.notFound("no account " + p.get(1));
                }
                throw ApiException.notFound("no such test endpoint: " + r.method + " /test/" + what);
            }
        }
    }

    private void configure(Map<String, Object> body) {
        List<Map<String, Object>> errors = new java.util.ArrayList<>();
        Map<String, Long> values = new LinkedHashMap<>();
        for (String name : List.of(
                "timeout_hold_ms",
                "authorization_ttl_seconds",
                "webhook_retry_base_ms",
                "webhook_max_attempts",
                "action_ttl_seconds",
                "voucher_ttl_seconds")) {
            Object v = body.get(name);
            if (v == null) {
                continue;
            }
            if (!(v instanceof BigDecimal d)
                    || d.signum() < 0
                    || d.scale() > 0 && d.stripTrailingZeros().scale() > 0) {
                errors.add(ApiException.field(name, name + " must be a whole number, zero or more"));
            } else {
                values.put(name, d.longValue());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        values.forEach((name, v) -> {
            switch (name) {
                case "timeout_hold_ms" -> settings.timeoutHold(Duration.ofMillis(v));
                case "authorization_ttl_seconds" -> settings.authorizationTtl(Duration.ofSeconds(v));
                case "webhook_retry_base_ms" -> settings.webhookRetryBase(Duration.ofMillis(v));
                case "webhook_max_attempts" -> settings.webhookMaxAttempts((int) Math.max(1, Math.min(v, 20)));
                case "action_ttl_seconds" -> settings.actionTtl(Duration.ofSeconds(v));
                case "voucher_ttl_seconds" -> settings.voucherTtl(Duration.ofSeconds(v));
                default -> throw new IllegalStateException(name);
            }
        });
    }

    private Map<String, Object> clockJson() {
        return Map.of(
                "now", clock.now().toString(), "offset_seconds", clock.offset().toSeconds());
    }

    private static Map<String, Object> accountJson(MerchantAccount account) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", account.id());
        a.put("provider", account.provider());
        a.put("api_key", account.apiKey());
        a.put("webhook_secret", account.webhookSecret());
        a.put("webhook_url", account.webhookUrl());
        a.put(
                "forced_input",
                account.forcedInput() == null ? null : account.forcedInput().token());
        return a;
    }

    private Map<String, Object> index() {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("name", "Caravan sandbox payment gateway");
        Map<String, Object> ps = new LinkedHashMap<>();
        providers.forEach((name, provider) -> {
            MerchantAccount demo = provider.accounts().getFirst();
            ps.put(name, Map.of("url", provider.url(), "demo_account", accountJson(demo)));
        });
        i.put("providers", ps);
        i.put("test_cards", TestInput.catalogue());
        i.put("settings", settings.toJson());
        return i;
    }

    /** Runs the gateway alone: {@code java io.caravan.stack.gateway.SandboxPaymentGateway [port]}. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8280;
        SandboxPaymentGateway gateway = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "sandbox-gateway-stop"));
        System.out.println("Sandbox payment gateway on " + gateway.url() + " (" + gateway.providerUrl(ACME) + ", "
                + gateway.providerUrl(ZENPAY) + ")");
        Thread.currentThread().join();
    }
}
