package io.caravan.plugins.payments;

import com.sun.net.httpserver.HttpServer;
import io.caravan.sdk.plugin.ProviderNotification;
import io.caravan.stack.gateway.MerchantAccount;
import io.caravan.stack.gateway.SandboxPaymentGateway;
import io.caravan.testkit.RealEgress;
import io.caravan.testkit.TestPluginContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The real sandbox payment gateway for the plugin's tests, started once in this JVM, and what the
 * tests need around it: a test kit context whose egress is a real HTTP client (the test kit only
 * checks the declared host; the request then really goes to the gateway), a fresh merchant account
 * per test, a webhook receiver that keeps every delivery as the platform would hand it to the
 * plugin ({@link ProviderNotification}), and the gateway's test endpoints.
 */
final class RealGateway {
    static final SandboxPaymentGateway GATEWAY = SandboxPaymentGateway.start(0);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final HttpServer RECEIVER;
    /** Deliveries per account id (the receiver's path names the account). */
    private static final Map<String, ConcurrentLinkedQueue<ProviderNotification>> RECEIVED = new ConcurrentHashMap<>();

    static {
        try {
            RECEIVER = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RECEIVER.createContext("/hooks/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
            String account = exchange.getRequestURI().getPath().substring("/hooks/".length());
            RECEIVED.computeIfAbsent(account, a -> new ConcurrentLinkedQueue<>())
                    .add(new ProviderNotification(headers, body, Instant.now()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        RECEIVER.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            GATEWAY.close();
            RECEIVER.stop(0);
        }));
    }

    private RealGateway() {}

    /** A fresh account at the provider whose webhooks reach this JVM's receiver. */
    static MerchantAccount account(String provider) {
        MerchantAccount account = GATEWAY.createAccount(provider, null);
        put("/test/accounts/" + account.id() + "/webhook", "{\"webhook_url\":\"" + hookUrl(account) + "\"}");
        return account;
    }

    static String hookUrl(MerchantAccount account) {
        return "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/hooks/" + account.id();
    }

    /** The webhooks the account's receiver got so far. */
    static List<ProviderNotification> received(MerchantAccount account) {
        return List.copyOf(RECEIVED.computeIfAbsent(account.id(), a -> new ConcurrentLinkedQueue<>()));
    }

    /** The base URL a plugin uses: by name, as a descriptor can declare it. */
    static String baseUrl(String provider) {
        return "http://localhost:" + GATEWAY.port() + "/" + provider;
    }

    /**
     * A test kit context for the account: acquirer settings plus {@code extra} members of the
     * configuration's top-level object (may be empty), the real clock (signatures carry the real
     * time), and a deadline of {@code deadline} from now.
     */
    static TestPluginContext context(MerchantAccount account, String acquirerExtra, String extra, Duration deadline) {
        String json = "{\"acquirer\":{\"baseUrl\":\"" + baseUrl(account.provider()) + "\",\"apiKey\":\""
                + account.apiKey() + "\",\"webhookSecret\":\"" + account.webhookSecret() + "\""
                + (acquirerExtra.isEmpty() ? "" : "," + acquirerExtra) + "}"
                + (extra.isEmpty() ? "" : "," + extra) + "}";
        return TestPluginContext.builder()
                .configuration(json)
                .allowHosts("localhost")
                .egress(RealEgress::send)
                .clock(Clock.systemUTC())
                .timeout(deadline)
                .build();
    }

    /** Every ledger entry type of the account, in order ("authorization", "capture", …). */
    static List<String> ledger(MerchantAccount account) {
        return GATEWAY.ledger(account.provider(), account.id()).stream()
                .map(e -> e.get("type") + ":" + e.get("amount"))
                .toList();
    }

    static HttpResponse<String> post(String path, String body) {
        return call("POST", path, body);
    }

    static HttpResponse<String> put(String path, String body) {
        return call("PUT", path, body);
    }

    static HttpResponse<String> call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY.url() + path))
                .timeout(Duration.ofSeconds(20))
                .header(
                        "Content-Type",
                        path.contains("/hosted/") ? "application/x-www-form-urlencoded" : "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(
                        method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sets gateway knobs for the rest of the run (timeout hold, webhook retry pause…). */
    static void configure(String json) {
        post("/test/config", json);
    }
}
