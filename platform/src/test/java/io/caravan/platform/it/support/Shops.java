package io.caravan.platform.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A store set up for selling, through the platform's own API as a merchant would: a warehouse in
 * Rotterdam (EU) and a hub in Shenzhen, an azulejo mug with stock, the first-party tax, carriers
 * and payments plugins (payments at a fresh account of the sandbox gateway), and a storefront key.
 */
public final class Shops {
    public static final String MUG = "MUG-AZUL";
    public static final long MUG_PRICE = 1800;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Shops() {}

    /** A ready store. {@code account} is its merchant account at the gateway's {@code provider}. */
    public record Shop(
            String slug,
            Api owner,
            Api storefront,
            String paymentsInstallation,
            String provider,
            Map<String, Object> account) {
        public String path(String rest) {
            return "api/stores/" + slug + "/" + rest;
        }

        public String accountId() {
            return (String) account.get("id");
        }
    }

    /**
     * Opens a store that sells mugs from Rotterdam (5 on hand) and Shenzhen (50 on hand).
     *
     * @param forcedInput a gateway test card the payments account answers every card with, or null
     */
    public static Shop open(Api admin, URL base, String prefix, String forcedInput) {
        String slug = Stores.uniqueSlug(prefix);
        Api owner = Stores.onboardAndSignIn(admin, slug);
        created(owner.post(
                "api/stores/" + slug + "/warehouses",
                warehouse(
                        "rotterdam",
                        "Rotterdam EU warehouse",
                        "Waalhaven Zuidzijde 1",
                        "Rotterdam",
                        "3089 JH",
                        "NL",
                        "OVERSEAS",
                        1,
                        300,
                        1)));
        created(owner.post(
                "api/stores/" + slug + "/warehouses",
                warehouse(
                        "shenzhen",
                        "Shenzhen hub",
                        "Pinghu Logistics Park 8",
                        "Shenzhen",
                        "518111",
                        "CN",
                        "ORIGIN_HUB",
                        2,
                        500,
                        2)));
        created(owner.post("api/stores/" + slug + "/products", mugProduct()));
        stock(owner, slug, "rotterdam", MUG, 5);
        stock(owner, slug, "shenzhen", MUG, 50);

        install(
                admin,
                slug,
                "caravan-tax",
                "{\"originCountry\":\"PT\",\"dutyTreatment\":\"DDP\","
                        + "\"registrations\":{\"oss\":true,\"iossNumber\":\"IM3720000001\"}}");
        install(admin, slug, "caravan-carriers", "{}");
        Map<String, Object> account = gatewayAccount(SandboxGateway.ACME, forcedInput);
        String payments = install(admin, slug, "caravan-payments", payments(SandboxGateway.ACME, account, null))
                .getString("id");
        configure(
                admin,
                slug,
                "caravan-payments",
                payments(SandboxGateway.ACME, account, notificationUrl(base, slug, payments)));
        return new Shop(slug, owner, storefront(owner, base, slug), payments, SandboxGateway.ACME, account);
    }

    /** The store's notification address for one installation, as the provider is told. */
    public static String notificationUrl(URL base, String slug, String installation) {
        // "/+$" (not "/?$", which also matches the empty end after a trailing slash: "…//api", a 404)
        return base.toString().replaceAll("/+$", "") + "/api/stores/" + slug + "/payment-notifications/" + installation;
    }

    /** The payments plugin's configuration for one gateway account (cards only). */
    public static String payments(String provider, Map<String, Object> account, String notificationUrl) {
        return payments(provider, account, notificationUrl, false);
    }

    /**
     * Turns on card sessions (the acquirer's client component) for one payments installation of
     * the shop, keeping its account and notification address.
     */
    public static void useSessions(
            Api admin,
            URL base,
            String slug,
            String plugin,
            String installation,
            String provider,
            Map<String, Object> account) {
        configure(admin, slug, plugin, payments(provider, account, notificationUrl(base, slug, installation), true));
    }

    private static String payments(
            String provider, Map<String, Object> account, String notificationUrl, boolean sessions) {
        JsonObjectBuilder acquirer = Json.createObjectBuilder()
                .add("enabled", true)
                .add("baseUrl", "http://localhost:" + SandboxGateway.port() + "/" + provider)
                .add("apiKey", (String) account.get("api_key"))
                .add("webhookSecret", (String) account.get("webhook_secret"))
                .add("methods", Json.createArrayBuilder().add("card"))
                .add("timeoutMillis", 4000)
                .add("sessions", sessions);
        if (notificationUrl != null) {
            acquirer.add("notificationUrl", notificationUrl);
        }
        return Json.createObjectBuilder()
                .add("cashOnDelivery", Json.createObjectBuilder().add("enabled", false))
                .add("acquirer", acquirer)
                .build()
                .toString();
    }

    /** Installs a plugin (as the platform admin) with its configuration; returns the installation. */
    public static JsonObject install(Api admin, String slug, String plugin, String configuration) {
        Api.Reply installed = admin.post(
                "api/admin/stores/" + slug + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", plugin)
                        .add("configuration", json(configuration))
                        .build());
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        return installed.json();
    }

    public static void configure(Api admin, String slug, String plugin, String configuration) {
        Api.Reply configured = admin.put(
                "api/admin/stores/" + slug + "/plugins/" + plugin + "/configuration",
                Json.createObjectBuilder()
                        .add("configuration", json(configuration))
                        .build());
        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
    }

    public static Api storefront(Api owner, URL base, String slug) {
        Api.Reply key = owner.post(
                "api/stores/" + slug + "/api-keys",
                Json.createObjectBuilder()
                        .add("name", "storefront")
                        .add(
                                "scopes",
                                Json.createArrayBuilder().add("checkout:write").add("catalog:read"))
                        .build());
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return Api.anonymous(base).withApiKey(key.json().getString("key"));
    }

    public static void stock(Api owner, String slug, String warehouse, String sku, long onHand) {
        Api.Reply current = owner.get("api/stores/" + slug + "/stock/" + warehouse + "/" + sku);
        String version = current.status() == 200
                ? String.valueOf(current.json().getJsonNumber("version").longValue())
                : "0";
        Api.Reply set = owner.withHeader("If-Match", "\"" + version + "\"")
                .put(
                        "api/stores/" + slug + "/stock/" + warehouse + "/" + sku,
                        Json.createObjectBuilder().add("onHand", onHand).build());
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    /** A checkout for {@code quantity} mugs to Berlin (or another country's capital-ish address). */
    public static JsonObject checkout(String country, int quantity) {
        return checkout(country, List.of(Map.entry(MUG, quantity)));
    }

    public static JsonObject checkout(String country, List<Map.Entry<String, Integer>> lines) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        lines.forEach(
                l -> items.add(Json.createObjectBuilder().add("sku", l.getKey()).add("quantity", l.getValue())));
        return Json.createObjectBuilder()
                .add(
                        "shopper",
                        Json.createObjectBuilder()
                                .add("email", "ana@example.com")
                                .add("country", country)
                                .add("locale", "de-DE")
                                .add("currency", "USD"))
                .add(
                        "shipTo",
                        Json.createObjectBuilder()
                                .add("name", "Ana Silva")
                                .add("lines", Json.createArrayBuilder().add("Hauptstrasse 1"))
                                .add("city", "Berlin")
                                .add("postalCode", "10115")
                                .add("country", country))
                .add("lines", items)
                .build();
    }

    /** A fresh account at a gateway provider; with a forced input every card payment there behaves so. */
    public static Map<String, Object> gatewayAccount(String provider, String forcedInput) {
        String body = forcedInput == null
                ? "{\"provider\":\"" + provider + "\"}"
                : "{\"provider\":\"" + provider + "\",\"forced_input\":\"" + forcedInput + "\"}";
        HttpResponse<String> response = send("POST", SandboxGateway.url() + "/test/accounts", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject account = json(response.body());
        return Map.of(
                "id", account.getString("id"),
                "api_key", account.getString("api_key"),
                "webhook_secret", account.getString("webhook_secret"));
    }

    /** The gateway's ledger for an account: what the provider really did. */
    public static List<JsonObject> ledger(String provider, String accountId) {
        HttpResponse<String> response =
                send("GET", SandboxGateway.url() + "/" + provider + "/test/ledger?account=" + accountId, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String body = response.body();
        return body.strip().startsWith("[")
                ? Json.createReader(new StringReader(body)).readArray().getValuesAs(JsonObject.class)
                : json(body).getJsonArray("entries").getValuesAs(JsonObject.class);
    }

    /** The ledger entries of one type ({@code authorization}, {@code capture}…). */
    public static List<JsonObject> ledger(Shop shop, String type) {
        return ledger(shop.provider(), shop.accountId()).stream()
                .filter(e -> type.equals(e.getString("type", "")))
                .toList();
    }

    /** A second payment provider of a store: its installation and its own account at the gateway. */
    public record SecondProvider(String pluginId, String installationId, String provider, Map<String, Object> account) {
        public String accountId() {
            return (String) account.get("id");
        }
    }

    /**
     * Gives the store a second card provider as a third party would bring one: the demo developer
     * lists and uploads the payments-b test bundle (the payments plugin under another id and
     * symbolic name, unique per call), the platform admin approves it, and it is installed with an
     * account at the gateway's {@code zenpay} provider and that installation's notification
     * address. It stays uncertified: it runs in a sandbox worker. Nobody routes payments to it yet (see
     * {@link #routeCards}).
     *
     * @param forcedInput a gateway test card the account answers every card with, or null
     */
    public static SecondProvider secondProvider(Api admin, URL base, Shop shop, String forcedInput) {
        String pluginId = "zenpay-" + UUID.randomUUID().toString().substring(0, 8);
        Api dev = Api.anonymous(base).withToken(Stores.demoToken("dev"));
        JsonObject listing = Json.createObjectBuilder(Marketplace.listing(pluginId, Marketplace.free()))
                .add("name", "Zenpay cards " + pluginId)
                .add("summary", "A second card acquirer for failover tests")
                .add("categories", Json.createArrayBuilder().add("payments").add("testing"))
                .add("kinds", Json.createArrayBuilder().add("PAYMENTS"))
                .build();
        created(dev.post("api/developer/listings", listing));
        byte[] bundle = Bundles.renamed(
                secondProviderBundle(),
                "test-payments-b",
                pluginId,
                "com.zenpay." + pluginId.replace('-', '.'),
                "1.0.0");
        Api.Reply uploaded = dev.upload("api/developer/listings/" + pluginId + "/versions", bundle, Marketplace.JAR);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String version = uploaded.json().getString("id");
        Api.Reply submitted =
                dev.post("api/developer/listings/" + pluginId + "/versions/1.0.0/submit", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        Api.Reply approved =
                admin.post("api/admin/marketplace/versions/" + version + "/approve", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        // Not certified: B runs as a third party's payments plugin does, in a sandbox worker, reading
        // its API key and webhook secret through the worker's secret requests
        Map<String, Object> account = gatewayAccount(SandboxGateway.ZENPAY, forcedInput);
        JsonObject installed = install(admin, shop.slug(), pluginId, payments(SandboxGateway.ZENPAY, account, null));
        assertThat(installed.getString("runsIn")).as(installed.toString()).isEqualTo("SANDBOX");
        String installation = installed.getString("id");
        configure(
                admin,
                shop.slug(),
                pluginId,
                payments(SandboxGateway.ZENPAY, account, notificationUrl(base, shop.slug(), installation)));
        awaitAnswering(shop, installation);
        return new SecondProvider(pluginId, installation, SandboxGateway.ZENPAY, account);
    }

    /**
     * Waits (bounded) until a freshly installed sandboxed plugin answers a checkout's
     * PAYMENT_METHODS call within its 800 ms deadline: its version's first call starts a worker
     * and loads the bundle, which a loaded 2-core machine may not do in time. Each round is a
     * real quote; nothing but the plugin's own answer ends the wait.
     */
    private static void awaitAnswering(Shop shop, String installation) {
        JsonObject quote = null;
        for (int round = 0; round < 20; round++) {
            Api.Reply opened = shop.storefront().post(shop.path("checkouts"), checkout("DE", 1));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            Api.Reply card = shop.storefront()
                    .put(
                            shop.path("checkouts/" + opened.json().getString("id") + "/payment-method"),
                            Json.createObjectBuilder().add("methodCode", "card").build());
            assertThat(card.status()).as(card.toString()).isEqualTo(200);
            quote = card.json().getJsonObject("quote");
            boolean failed = quote.getJsonArray("flags").getValuesAs(JsonObject.class).stream()
                    .anyMatch(f -> f.getString("code").equals("PAYMENTS_FAILED")
                            && f.containsKey("producer")
                            && installation.equals(f.getJsonObject("producer").getString("installationId")));
            if (!failed) {
                return;
            }
        }
        throw new AssertionError("installation " + installation + " never answered PAYMENT_METHODS in time: " + quote);
    }

    /** The payments-b test bundle the build copied for the tests (target/test-bundles). */
    public static byte[] secondProviderBundle() {
        Path bundles = Path.of(System.getProperty("caravan.test.bundles", "target/test-bundles"));
        try {
            return Files.readAllBytes(bundles.resolve("caravan-test-payments-b.jar"));
        } catch (IOException e) {
            throw new IllegalStateException("the payments-b test bundle is missing in " + bundles.toAbsolutePath(), e);
        }
    }

    /** The owner's routing rule "card: these installations, in this order" (every country, currency, amount). */
    public static void routeCards(Shop shop, String... installationIds) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        for (String id : installationIds) {
            ids.add(id);
        }
        Api.Reply routed = shop.owner()
                .put(
                        shop.path("answering/PAYMENT_AUTHORIZER"),
                        Json.createObjectBuilder()
                                .add(
                                        "rules",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add(
                                                                "methodCodes",
                                                                Json.createArrayBuilder()
                                                                        .add("card"))
                                                        .add("installationIds", ids)))
                                .build());
        assertThat(routed.status()).as(routed.toString()).isEqualTo(200);
    }

    /** The ledger entries of one type at a second provider's account. */
    public static List<JsonObject> ledger(SecondProvider provider, String type) {
        return ledger(provider.provider(), provider.accountId()).stream()
                .filter(e -> type.equals(e.getString("type", "")))
                .toList();
    }

    /** The webhook events the gateway made for an account, each with its body and delivery attempts. */
    public static List<JsonObject> webhooks(String provider, String accountId) {
        HttpResponse<String> response =
                send("GET", SandboxGateway.url() + "/" + provider + "/test/webhooks?account=" + accountId, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).getJsonArray("events").getValuesAs(JsonObject.class);
    }

    /** The one event of a type about a payment (by the gateway's payment id). */
    public static JsonObject webhook(String provider, String accountId, String type, String paymentId) {
        List<JsonObject> matching = webhooks(provider, accountId).stream()
                .filter(e -> e.getString("type").equals(type))
                .filter(e -> e.getJsonObject("body")
                        .getJsonObject("data")
                        .getString("payment_id")
                        .equals(paymentId))
                .toList();
        assertThat(matching).as(type + " of " + paymentId).hasSize(1);
        return matching.get(0);
    }

    /** Asks the gateway to send a real event again (same bytes, same signature); returns its {status, body}. */
    public static JsonObject replay(String provider, String eventId) {
        HttpResponse<String> response =
                send("POST", SandboxGateway.url() + "/" + provider + "/test/webhooks/" + eventId + "/replay", "{}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    /** Asks the gateway to send a forged variant of a real event to its address; returns its {status, body}. */
    public static JsonObject forge(String provider, String eventId, String mode) {
        HttpResponse<String> response = send(
                "POST",
                SandboxGateway.url() + "/" + provider + "/test/webhooks/" + eventId + "/forge",
                "{\"mode\":\"" + mode + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    /**
     * Posts {@code body} to a notification address signed as the gateway signs its webhooks
     * ({@code Sandbox-Signature: t=<now>,v1=<HMAC-SHA256("t.body", secret)>}): a real event's bytes
     * sent somewhere the gateway would not send them.
     */
    public static HttpResponse<String> deliverSigned(String url, String body, String webhookSecret) {
        long t = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Sandbox-Signature", "t=" + t + ",v1=" + hmacSha256(webhookSecret, t + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hmacSha256(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Sets the gateway-wide test configuration ({@code timeout_hold_ms} and the like). */
    public static void gatewayConfig(String json) {
        HttpResponse<String> response = send("POST", SandboxGateway.url() + "/test/config", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Completes a payment's 3-D Secure step at the gateway as the shopper would on the hosted page. */
    public static JsonObject completeThreeDs(String provider, String paymentId, String outcome) {
        HttpResponse<String> response = send(
                "POST",
                SandboxGateway.url() + "/" + provider + "/test/payments/" + paymentId + "/3ds",
                "{\"outcome\":\"" + outcome + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    /** Sets a store's checkout settings (capture {@code AT_ONCE} or {@code ON_SHIPMENT}). */
    public static void captureMode(Shop shop, String mode) {
        Api.Reply current = shop.owner().get(shop.path("checkout-settings"));
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        Api.Reply set = shop.owner()
                .put(
                        shop.path("checkout-settings"),
                        Json.createObjectBuilder()
                                .add("captureMode", mode)
                                .add("shippingWarningPercent", current.json().getInt("shippingWarningPercent"))
                                .build());
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().getString("captureMode")).isEqualTo(mode);
    }

    public static HttpResponse<String> send(String method, String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private static JsonObject warehouse(
            String code,
            String name,
            String line1,
            String city,
            String postalCode,
            String country,
            String kind,
            int handlingDays,
            long costPerItem,
            int priority) {
        return Json.createObjectBuilder()
                .add("code", code)
                .add("name", name)
                .add(
                        "address",
                        Json.createObjectBuilder()
                                .add("line1", line1)
                                .add("city", city)
                                .add("postalCode", postalCode)
                                .add("country", country))
                .add("kind", kind)
                .add("handlingDays", handlingDays)
                .add(
                        "fulfilmentCostPerItem",
                        Json.createObjectBuilder()
                                .add("amountMinor", costPerItem)
                                .add("currency", "EUR"))
                .add("priority", priority)
                .add("servesCountries", Json.createArrayBuilder())
                .add("active", true)
                .build();
    }

    private static JsonObject mugProduct() {
        return Json.createObjectBuilder()
                .add("handle", "azulejo-mug")
                .add("title", "Azulejo mug")
                .add("description", "Hand-painted stoneware mug")
                .add("categories", Json.createArrayBuilder().add("kitchen"))
                .add("status", "ACTIVE")
                .add("taxCategory", "STANDARD")
                .add(
                        "variants",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("sku", MUG)
                                        .add(
                                                "options",
                                                Json.createObjectBuilder().add("colour", "blue"))
                                        .add(
                                                "prices",
                                                Json.createObjectBuilder().add("EUR", MUG_PRICE))
                                        .add("weightGrams", 400)
                                        .add(
                                                "dimensions",
                                                Json.createObjectBuilder()
                                                        .add("lengthMm", 100)
                                                        .add("widthMm", 100)
                                                        .add("heightMm", 120))
                                        .add("hsCode", "691200")
                                        .add("originCountry", "PT")
                                        .add("flags", Json.createArrayBuilder())))
                .build();
    }

    /** Where the ITs' sandbox gateway listens. */
    public static final class SandboxGateway {
        public static final String ACME = "acme";
        public static final String ZENPAY = "zenpay";

        private SandboxGateway() {}

        public static int port() {
            return PaymentGatewayServer.get().port();
        }

        public static String url() {
            return "http://127.0.0.1:" + port();
        }
    }
}
