package io.caravan.plugins.carriers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.caravan.plugins.support.Json;
import io.caravan.sdk.carriers.CancellationRequest;
import io.caravan.sdk.carriers.CancellationStatus;
import io.caravan.sdk.carriers.DocumentKind;
import io.caravan.sdk.carriers.Shipment;
import io.caravan.sdk.carriers.ShipmentRequest;
import io.caravan.sdk.carriers.TrackingEvent;
import io.caravan.sdk.carriers.TrackingEventType;
import io.caravan.sdk.carriers.TrackingInfo;
import io.caravan.sdk.carriers.TrackingNotificationResult;
import io.caravan.sdk.carriers.TrackingRequest;
import io.caravan.sdk.carriers.TrackingUpdate;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.model.Warehouse;
import io.caravan.sdk.model.WarehouseKind;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.plugin.PluginUnavailableException;
import io.caravan.sdk.plugin.ProviderNotification;
import io.caravan.stack.carrier.S10;
import io.caravan.stack.carrier.SandboxCarrier;
import io.caravan.testkit.CommerceFixtures;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The carriers plugin's bookings, cancellations, tracking and webhooks against the real sandbox
 * carrier (an HTTP server started in this JVM), through the test kit with real egress. Each test
 * has an account of its own; the carrier's clock is shared and only moves forward.
 */
class PostCarrierTest {
    private static final SandboxCarrier CARRIER = SandboxCarrier.start(0);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static HttpServer receiver;
    /** Deliveries, as the platform hands them to the handler. */
    private static final BlockingQueue<ProviderNotification> RECEIVED = new LinkedBlockingQueue<>();

    private final PostShipments shipments = new PostShipments();
    private final PostCancellations cancellations = new PostCancellations();
    private final PostTracking tracking = new PostTracking();
    private final PostNotifications notifications = new PostNotifications();

    @BeforeAll
    static void receive() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
            RECEIVED.add(new ProviderNotification(headers, body, Instant.now()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        CARRIER.close();
        receiver.stop(0);
    }

    @Test
    void a_sale_is_booked_with_an_s10_number_and_a_pdf_label_per_parcel_and_the_same_key_books_it_once() {
        Map<String, Object> account = CARRIER.createAccount(null);
        ShipmentRequest request = sale(UUID.randomUUID().toString(), "FR", "75011", null, 2);

        Shipment shipment = shipments.book(context(account), request);
        Shipment again = shipments.book(context(account), request);

        assertThat(shipment.carrierCode()).isEqualTo("sandbox-post");
        assertThat(shipment.serviceCode()).as("the service the platform asked").isEqualTo("eu-standard");
        assertThat(shipment.parcelTrackingNumbers()).hasSize(2).allMatch(S10::isValid);
        assertThat(shipment.trackingNumber())
                .isEqualTo(shipment.parcelTrackingNumbers().getFirst());
        assertThat(shipment.trackingUrl()).hasScheme("https");
        assertThat(shipment.documents(DocumentKind.LABEL)).hasSize(2).allSatisfy(d -> {
            assertThat(d.contentType()).isEqualTo("application/pdf");
            assertThat(new String(d.content(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
        });
        assertThat(shipment.charge())
                .as("a parcel under 1 kg in all, within the EU")
                .isEqualTo(Money.ofMinor(1_200, "EUR"));
        assertThat(again.identity())
                .as("a repeat with the key answers the first booking")
                .isEqualTo(shipment.identity());
        assertThat(bookings(account, request.idempotencyKey())).isEqualTo(1);
    }

    @Test
    void a_cross_border_parcel_carries_its_customs_form_and_without_a_declaration_is_refused() {
        Map<String, Object> account = CARRIER.createAccount(null);
        Shipment toLondon =
                shipments.book(context(account), sale(UUID.randomUUID().toString(), "GB", "SW1A 1AA", null, 1));
        assertThat(toLondon.documents())
                .extracting(d -> d.kind())
                .containsExactly(DocumentKind.LABEL, DocumentKind.CN22);

        ShipmentRequest withoutCustoms = ShipmentRequest.builder()
                .idempotencyKey(UUID.randomUUID().toString())
                .shipmentId("shp-nocustoms")
                .orderId("ORD-2")
                .serviceCode("eu-standard")
                .warehouse(ROTTERDAM)
                .from(ROTTERDAM.address())
                .to(address("GB", "SW1A 1AA"))
                .lines(sale(UUID.randomUUID().toString(), "GB", "SW1A 1AA", null, 1)
                        .lines())
                .parcels(sale(UUID.randomUUID().toString(), "GB", "SW1A 1AA", null, 1)
                        .parcels())
                .build();
        assertThatThrownBy(() -> shipments.book(context(account), withoutCustoms))
                .isInstanceOfSatisfying(
                        PluginRejectedException.class, e -> assertThat(e.code()).isEqualTo("customs_required"));
    }

    @Test
    void cash_on_delivery_where_the_carrier_collects_none_is_a_refusal_and_nothing_is_booked() {
        Map<String, Object> account = CARRIER.createAccount(null);
        ShipmentRequest cod = sale(UUID.randomUUID().toString(), "FR", "75011", Money.ofMinor(4_590, "EUR"), 1);

        assertThatThrownBy(() -> shipments.book(context(account), cod))
                .isInstanceOfSatisfying(
                        PluginRejectedException.class, e -> assertThat(e.code()).isEqualTo("cod_not_offered"));
        assertThat(bookings(account, cod.idempotencyKey())).isZero();
    }

    @Test
    void a_lost_answer_is_an_unknown_outcome_and_asking_again_with_the_key_finds_the_one_booking() {
        Map<String, Object> account = CARRIER.createAccount(null);
        fault(account, "lost_answer");
        ShipmentRequest request = sale(UUID.randomUUID().toString(), "FR", "75011", null, 1);

        assertThatThrownBy(() -> shipments.book(context(account), request))
                .as("not a refusal: the carrier may have booked")
                .isInstanceOf(PluginUnavailableException.class);
        Shipment found = shipments.book(context(account), request);

        assertThat(S10.isValid(found.trackingNumber())).isTrue();
        assertThat(bookings(account, request.idempotencyKey())).isEqualTo(1);
    }

    @Test
    void an_unavailable_carrier_is_an_unknown_outcome_and_no_account_is_a_refusal() {
        Map<String, Object> account = CARRIER.createAccount(null);
        fault(account, "unavailable");
        assertThatThrownBy(() ->
                        shipments.book(context(account), sale(UUID.randomUUID().toString(), "FR", "75011", null, 1)))
                .isInstanceOf(PluginUnavailableException.class);

        TestPluginContext unconfigured = TestPluginContext.builder()
                .configuration("{}")
                .allowHosts("localhost")
                .egress(RealEgress::send)
                .clock(Clock.systemUTC())
                .timeout(Duration.ofSeconds(20))
                .build();
        assertThatThrownBy(() -> shipments.book(unconfigured, sale("k-none", "FR", "75011", null, 1)))
                .isInstanceOfSatisfying(
                        PluginRejectedException.class, e -> assertThat(e.code()).isEqualTo("carrier_not_configured"));
    }

    @Test
    void a_booking_is_cancelled_until_pickup_then_it_is_too_late() {
        Map<String, Object> account = CARRIER.createAccount(null);
        Shipment early = shipments.book(context(account), sale(UUID.randomUUID().toString(), "FR", "75011", null, 1));
        assertThat(cancellations
                        .cancel(
                                context(account),
                                new CancellationRequest("c-" + UUID.randomUUID(), early.identity(), "order cancelled"))
                        .status())
                .isEqualTo(CancellationStatus.CANCELLED);

        Shipment late = shipments.book(context(account), sale(UUID.randomUUID().toString(), "FR", "75011", null, 1));
        advance(Duration.ofHours(3));
        var tooLate = cancellations.cancel(
                context(account), new CancellationRequest("c-" + UUID.randomUUID(), late.identity(), null));
        assertThat(tooLate.status()).isEqualTo(CancellationStatus.TOO_LATE);
        assertThat(tooLate.message()).contains("picked up");
    }

    @Test
    void tracking_and_webhooks_report_the_same_events_by_the_same_ids_and_a_forged_webhook_is_refused()
            throws Exception {
        Map<String, Object> account = CARRIER.createAccount(receiverUrl());
        RECEIVED.clear();
        ShipmentRequest request = sale(UUID.randomUUID().toString(), "GB", "SW1A 1AA", null, 1);
        Shipment shipment = shipments.book(context(account), request);
        advance(Duration.ofHours(80));

        TrackingInfo journey = tracking.track(
                context(account), new TrackingRequest(shipment.identity(), CountryCode.of("GB"), "SW1A 1AA"));
        assertThat(journey.events())
                .extracting(TrackingEvent::type)
                .containsExactly(
                        TrackingEventType.LABEL_CREATED,
                        TrackingEventType.PICKED_UP,
                        TrackingEventType.IN_TRANSIT,
                        TrackingEventType.EXPORT_CUSTOMS,
                        TrackingEventType.IN_TRANSIT,
                        TrackingEventType.ARRIVED_IN_DESTINATION_COUNTRY,
                        TrackingEventType.CUSTOMS_CLEARED,
                        TrackingEventType.OUT_FOR_DELIVERY,
                        TrackingEventType.DELIVERED);
        TrackingEvent delivered = journey.latest().orElseThrow();
        assertThat(delivered.localDate()).isNotNull();
        assertThat(journey.estimatedDelivery()).isEqualTo(delivered.localDate());

        List<String> notifiedIds = new ArrayList<>();
        List<ProviderNotification> hooks = new ArrayList<>();
        while (notifiedIds.size() < journey.events().size()) {
            ProviderNotification hook = RECEIVED.poll(20, TimeUnit.SECONDS);
            assertThat(hook).as("webhook %s", notifiedIds.size() + 1).isNotNull();
            hooks.add(hook);
            TrackingNotificationResult result = notifications.handle(context(account), hook);
            assertThat(result.verified()).isTrue();
            for (TrackingUpdate update : result.updates()) {
                assertThat(update.carrierCode()).isEqualTo("sandbox-post");
                assertThat(update.trackingNumber()).isEqualTo(shipment.trackingNumber());
                assertThat(update.shipmentReference()).isEqualTo(shipment.shipmentReference());
                notifiedIds.add(update.event().eventId());
            }
        }
        assertThat(notifiedIds)
                .containsExactlyInAnyOrderElementsOf(
                        journey.events().stream().map(TrackingEvent::eventId).toList());

        String eventId = hooks.getFirst().headers().get("carrier-event-id").getFirst();
        for (String mode : List.of("wrong_secret", "stale", "unsigned")) {
            RECEIVED.clear();
            post("/test/webhooks/" + eventId + "/forge", "{\"mode\":\"" + mode + "\"}");
            ProviderNotification forged = RECEIVED.poll(20, TimeUnit.SECONDS);
            assertThat(forged).isNotNull();
            assertThat(notifications.handle(context(account), forged).verified())
                    .as(mode)
                    .isFalse();
        }
    }

    @Test
    void a_wrong_postcode_or_an_unknown_number_is_unknown_shipment() {
        Map<String, Object> account = CARRIER.createAccount(null);
        Shipment shipment =
                shipments.book(context(account), sale(UUID.randomUUID().toString(), "FR", "75011", null, 1));

        assertThatThrownBy(() -> tracking.track(
                        context(account), new TrackingRequest(shipment.identity(), CountryCode.of("FR"), "69001")))
                .isInstanceOfSatisfying(
                        PluginRejectedException.class, e -> assertThat(e.code()).isEqualTo("unknown_shipment"));
        Map<String, Object> other = CARRIER.createAccount(null);
        assertThatThrownBy(() -> tracking.track(
                        context(other), new TrackingRequest(shipment.identity(), CountryCode.of("FR"), "75011")))
                .as("another account's parcel")
                .isInstanceOf(PluginRejectedException.class);
    }

    @Test
    void a_return_is_booked_against_its_outbound_parcel_and_each_point_refuses_the_other_purpose() {
        Map<String, Object> account = CARRIER.createAccount(null);
        Order order = order("GB", "SW1A 1AA");
        Shipment outbound = shipments.book(
                context(account),
                CommerceFixtures.shipmentRequest("shp-out-" + UUID.randomUUID(), order, ROTTERDAM, "eu-standard"));
        ShipmentRequest back = CommerceFixtures.returnShipmentRequest(
                "shp-ret-" + UUID.randomUUID(), order, ROTTERDAM, outbound.identity(), "RMA-1001", "eu-standard");

        Shipment returned = shipments.bookReturn(context(account), back);

        assertThat(S10.isValid(returned.trackingNumber())).isTrue();
        assertThat(returned.trackingNumber())
                .as("a new parcel, sent from the shopper's country")
                .endsWith("GB");
        assertThat(returned.documents()).extracting(d -> d.kind()).contains(DocumentKind.CN22);
        assertThatThrownBy(() -> shipments.book(context(account), back))
                .isInstanceOfSatisfying(
                        PluginRejectedException.class, e -> assertThat(e.code()).isEqualTo("wrong_purpose"));
    }

    // ---- fixtures

    private static final Warehouse ROTTERDAM = new Warehouse(
            "rotterdam",
            new Address(CountryCode.of("NL"), null, "3089 JB", "Rotterdam", List.of("Havenweg 1"), "EU warehouse"),
            WarehouseKind.OVERSEAS,
            1);

    private static Address address(String country, String postcode) {
        return new Address(
                CountryCode.of(country), null, postcode, "Somewhere", List.of("10 Main Street"), "Ana Sousa");
    }

    private static Order order(String country, String postcode) {
        Cart cart = Cart.builder()
                .currency("EUR")
                .line(LineItem.builder()
                        .lineId("l1")
                        .sku("MUG-AZUL")
                        .title("Azulejo mug")
                        .quantity(2)
                        .unitPrice(Money.ofMinor(1_800, "EUR"))
                        .weightGrams(450)
                        .hsCode(new HsCode("691200"))
                        .origin(CountryCode.of("PT"))
                        .build())
                .shipping(Money.ofMinor(990, "EUR"))
                .shipTo(address(country, postcode))
                .orderDate(LocalDate.of(2026, 12, 4))
                .build();
        return CommerceFixtures.order("ORD-" + UUID.randomUUID().toString().substring(0, 8), cart, Instant.now());
    }

    /** A sale of the order from Rotterdam, split into {@code parcels} parcels of the same line. */
    private static ShipmentRequest sale(String key, String country, String postcode, Money cod, int parcels) {
        ShipmentRequest base =
                CommerceFixtures.shipmentRequest("shp-" + key, order(country, postcode), ROTTERDAM, "eu-standard");
        List<io.caravan.sdk.model.Parcel> split = new ArrayList<>();
        for (int i = 0; i < parcels; i++) {
            io.caravan.sdk.model.Parcel one = base.parcels().getFirst();
            split.add(new io.caravan.sdk.model.Parcel(
                    Math.max(1, one.weightGrams() / parcels), one.dimensions(), one.value(), one.lineRefs()));
        }
        return ShipmentRequest.builder()
                .idempotencyKey(key)
                .shipmentId(base.shipmentId())
                .orderId(base.orderId())
                .serviceCode(base.serviceCode())
                .warehouse(base.warehouse())
                .from(base.from())
                .to(base.to())
                .lines(base.lines())
                .parcels(split)
                .customs(base.customs())
                .codAmount(cod)
                .build();
    }

    private static TestPluginContext context(Map<String, Object> account) {
        return TestPluginContext.builder()
                .configuration("{\"carrier\":{\"baseUrl\":\"http://localhost:" + CARRIER.port() + "\",\"apiKey\":\""
                        + account.get("api_key") + "\",\"webhookSecret\":\"" + account.get("webhook_secret") + "\"}}")
                .allowHosts("localhost")
                .egress(RealEgress::send)
                .clock(Clock.systemUTC())
                .timeout(Duration.ofSeconds(20))
                .build();
    }

    private static String receiverUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    private static long bookings(Map<String, Object> account, String key) {
        HttpResponse<String> listed =
                send(HttpRequest.newBuilder(URI.create(CARRIER.url() + "/v1/shipments?idempotency_key=" + key))
                        .header("Authorization", "Bearer " + account.get("api_key"))
                        .build());
        assertThat(listed.statusCode()).isEqualTo(200);
        return ((List<?>) Json.object(Json.parse(listed.body()), "answer").get("shipments")).size();
    }

    private static void fault(Map<String, Object> account, String mode) {
        post("/test/accounts/" + account.get("id") + "/faults", "{\"mode\":\"" + mode + "\"}");
    }

    private static void advance(Duration by) {
        post("/test/clock", "{\"advance_seconds\":" + by.toSeconds() + "}");
    }

    private static void post(String path, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(CARRIER.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
