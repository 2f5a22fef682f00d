package io.caravan.stack.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.sun.net.httpserver.HttpServer;
import io.caravan.stack.sandbox.Json;
import io.caravan.stack.sandbox.Webhooks;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox carrier over real HTTP: bookings, refusals, labels, the feed, cancellation, webhooks. */
class SandboxCarrierTest {
    private static SandboxCarrier carrier;
    private static HttpServer receiver;
    /** Webhooks received: the raw body and the signature header, in arrival order. */
    private static final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
    /** Answer 500 to this many deliveries first, so the carrier retries. */
    private static final AtomicInteger failNext = new AtomicInteger();

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        carrier = SandboxCarrier.start(0);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            if (status == 200) {
                received.add(
                        new String[] {body, exchange.getRequestHeaders().getFirst(SandboxCarrier.SIGNATURE_HEADER)});
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        carrier.close();
        receiver.stop(0);
    }

    @Test
    void s10_numbers_carry_the_upu_check_digit() {
        assertThat(S10.checkDigit("12345678")).isEqualTo(5);
        assertThat(S10.checkDigit("00000000")).as("11 is written 5").isEqualTo(5);
        assertThat(S10.checkDigit("00000008")).as("10 is written 0").isEqualTo(0);
        assertThat(S10.of("RR", 12_345_678, "CN")).isEqualTo("RR123456785CN");
        assertThat(S10.isValid("RR123456785CN")).isTrue();
        assertThat(S10.isValid("RR123456784CN")).as("wrong check digit").isFalse();
        assertThat(S10.isValid("RR12345678CN")).as("seven digits and a check").isFalse();
        assertThat(S10.isValid("rr123456785cn")).isFalse();
    }

    @Test
    void a_booking_prints_a_label_per_parcel_whose_barcode_is_its_s10_number() throws Exception {
        Map<String, Object> account = carrier.createAccount(null);
        String key = UUID.randomUUID().toString();
        Reply booked = post(account, "/v1/shipments", key, sale("FR", "75011", 2, null, false));

        assertThat(booked.status).as(booked.body).isEqualTo(201);
        Map<String, Object> shipment = booked.json();
        @SuppressWarnings("unchecked")
        List<String> numbers = (List<String>) shipment.get("parcel_tracking_numbers");
        assertThat(numbers).hasSize(2).allMatch(S10::isValid).allMatch(n -> n.startsWith("CP") && n.endsWith("NL"));
        assertThat(shipment.get("tracking_number")).isEqualTo(numbers.getFirst());
        assertThat(shipment.get("tracking_url")).isEqualTo(SandboxCarrier.TRACKING_PAGE + numbers.getFirst());
        List<Map<String, Object>> documents = documents(shipment);
        assertThat(documents).extracting(d -> d.get("kind")).containsExactly("LABEL", "LABEL");
        assertThat(documents)
                .as("NL → FR stays in the EU customs union: no customs form")
                .noneMatch(d -> d.get("kind").equals("CN22") || d.get("kind").equals("CN23"));
        for (int i = 0; i < 2; i++) {
            byte[] pdf = Base64.getDecoder().decode((String) documents.get(i).get("data"));
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(barcode(pdf)).isEqualTo(numbers.get(i));
        }
        assertThat(shipment.get("charge"))
                .isEqualTo(Map.of("amount", new BigDecimal(1_200 + 150 * 2), "currency", "EUR"));
    }

    @Test
    void the_same_key_answers_the_first_booking_and_another_request_under_it_is_refused() throws Exception {
        Map<String, Object> account = carrier.createAccount(null);
        String key = UUID.randomUUID().toString();
        Reply first = post(account, "/v1/shipments", key, sale("FR", "75011", 1, null, false));
        Reply again = post(account, "/v1/shipments", key, sale("FR", "75011", 1, null, false));
        Reply other = post(account, "/v1/shipments", key, sale("FR", "69001", 1, null, false));

        assertThat(again.status).isEqualTo(200);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(again.json().get("tracking_number")).isEqualTo(first.json().get("tracking_number"));
        assertThat(other.status).isEqualTo(409);
        assertThat(other.body).contains("idempotency_key_reused");
        Reply listed = get(account, "/v1/shipments?idempotency_key=" + key);
        assertThat(listed.json().get("shipments")).asList().hasSize(1);
    }

    @Test
    void every_bad_field_is_named_and_the_carriers_refusals_are_422() throws Exception {
        Map<String, Object> account = carrier.createAccount(null);
        Map<String, Object> bad = new java.util.LinkedHashMap<>(sale("FR", "75011", 1, null, false));
        bad.put("service", "teleport");
        bad.put("label_format", "GIF");
        bad.put("parcels", List.of(Map.of("weight_grams", new BigDecimal("12.5"))));
        bad.remove("order");
        Reply invalid = post(account, "/v1/shipments", UUID.randomUUID().toString(), bad);
        assertThat(invalid.status).isEqualTo(400);
        assertThat(invalid.body).contains("\"service\"", "\"label_format\"", "parcels[0].weight_grams", "\"order\"");

        Map<String, Object> heavy = new java.util.LinkedHashMap<>(sale("FR", "75011", 1, null, false));
        heavy.put("parcels", List.of(Map.of("weight_grams", new BigDecimal(40_000))));
        assertThat(post(account, "/v1/shipments", UUID.randomUUID().toString(), heavy).body)
                .contains("parcel_too_heavy");
        Reply noCod =
                post(account, "/v1/shipments", UUID.randomUUID().toString(), sale("FR", "75011", 1, 4500L, false));
        assertThat(noCod.status).isEqualTo(422);
        assertThat(noCod.body).contains("cod_not_offered");
        Reply noCustoms =
                post(account, "/v1/shipments", UUID.randomUUID().toString(), sale("GB", "SW1A 1AA", 1, null, false));
        assertThat(noCustoms.status).isEqualTo(422);
        assertThat(noCustoms.body).contains("customs_required");
        assertThat(get(account, "/v1/shipments?reference=shp-ref").json().get("shipments"))
                .as("nothing was booked by a refused request")
                .asList()
                .isEmpty();
    }

    @Test
    void the_feed_moves_with_the_clock_through_customs_to_delivery_and_every_step_is_a_signed_webhook()
            throws Exception {
        Map<String, Object> account = carrier.createAccount(receiverUrl());
        Reply booked =
                post(account, "/v1/shipments", UUID.randomUUID().toString(), sale("GB", "SW1A 1AA", 1, null, true));
        assertThat(booked.status).as(booked.body).isEqualTo(201);
        String number = (String) booked.json().get("tracking_number");
        assertThat(documents(booked.json())).extracting(d -> d.get("kind")).containsExactly("LABEL", "CN22");

        Reply wrongPostcode = get(account, "/v1/tracking/" + number + "?postal_code=EC1A1BB");
        assertThat(wrongPostcode.status)
                .as("the journey is shown with the right postcode only")
                .isEqualTo(404);
        String wrongCheckDigit =
                number.substring(0, 10) + (char) ('0' + (number.charAt(10) - '0' + 1) % 10) + number.substring(11);
        Reply badNumber = get(account, "/v1/tracking/" + wrongCheckDigit + "?postal_code=SW1A1AA");
        assertThat(badNumber.status).isEqualTo(400);
        assertThat(badNumber.body).contains("tracking_number_invalid");
        assertThat(types(get(account, "/v1/tracking/" + number + "?postal_code=sw1a%201aa")))
                .containsExactly("LABEL_CREATED");

        failNext.set(1); // the first delivery fails: the carrier tries again
        advance(Duration.ofHours(80));
        List<String> journey = types(get(account, "/v1/tracking/" + number + "?postal_code=SW1A1AA"));
        assertThat(journey)
                .containsExactly(
                        "LABEL_CREATED",
                        "PICKED_UP",
                        "IN_TRANSIT",
                        "EXPORT_CUSTOMS",
                        "IN_TRANSIT",
                        "ARRIVED_IN_DESTINATION_COUNTRY",
                        "CUSTOMS_CLEARED",
                        "OUT_FOR_DELIVERY",
                        "DELIVERED");
        List<String> notified = new ArrayList<>();
        String secret = (String) account.get("webhook_secret");
        while (notified.size() < journey.size()) {
            String[] hook = received.poll(20, TimeUnit.SECONDS);
            assertThat(hook)
                    .as("webhook %s of %s", notified.size() + 1, journey.size())
                    .isNotNull();
            assertThat(verify(secret, hook[0], hook[1]))
                    .as("signed with the account's secret")
                    .isTrue();
            Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) Json.parse(hook[0])).get("data");
            if (number.equals(data.get("tracking_number"))) {
                notified.add((String) ((Map<?, ?>) data.get("event")).get("type"));
            }
        }
        assertThat(notified).containsExactlyInAnyOrderElementsOf(journey);
    }

    @Test
    void a_parcel_is_cancelled_until_its_pickup_and_then_it_is_too_late() throws Exception {
        Map<String, Object> account = carrier.createAccount(null);
        String first = (String)
                post(account, "/v1/shipments", UUID.randomUUID().toString(), sale("FR", "75011", 1, null, false))
                        .json()
                        .get("id");
        Reply cancelled = post(account, "/v1/shipments/" + first + "/cancel", null, Map.of());
        assertThat(cancelled.json().get("status")).isEqualTo("cancelled");
        assertThat(post(account, "/v1/shipments/" + first + "/cancel", null, Map.of())
                        .json()
                        .get("status"))
                .as("cancelling again answers the same")
                .isEqualTo("cancelled");

        String second = (String)
                post(account, "/v1/shipments", UUID.randomUUID().toString(), sale("FR", "75011", 1, null, false))
                        .json()
                        .get("id");
        advance(Duration.ofHours(3));
        Reply late = post(account, "/v1/shipments/" + second + "/cancel", null, Map.of());
        assertThat(late.status).isEqualTo(409);
        assertThat(late.body).contains("too_late");
    }

    @Test
    void a_refused_cod_parcel_fails_delivery_and_goes_back_while_a_paid_one_records_what_was_collected()
            throws Exception {
        Map<String, Object> account = carrier.createAccount(null);
        Map<String, Object> refusedOne = post(
                        account,
                        "/v1/shipments",
                        UUID.randomUUID().toString(),
                        sale("BR", "01310-100", 1, 8_990L, true))
                .json();
        Map<String, Object> paidOne = post(
                        account,
                        "/v1/shipments",
                        UUID.randomUUID().toString(),
                        sale("BR", "01310-100", 1, 8_990L, true))
                .json();
        assertThat(post(
                                account,
                                "/test/shipments/" + refusedOne.get("id") + "/outcome",
                                null,
                                Map.of("outcome", "refused"))
                        .status)
                .isEqualTo(200);
        advance(Duration.ofHours(200));

        Reply refused = get(account, "/v1/tracking/" + refusedOne.get("tracking_number") + "?postal_code=01310100");
        assertThat(types(refused)).endsWith("OUT_FOR_DELIVERY", "DELIVERY_FAILED", "RETURNED_TO_SENDER");
        assertThat(refused.body).contains("COD_NOT_PAID");
        Reply paid = get(account, "/v1/tracking/" + paidOne.get("tracking_number") + "?postal_code=01310-100");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events =
                (List<Map<String, Object>>) paid.json().get("events");
        assertThat(events.getLast().get("type")).isEqualTo("DELIVERED");
        assertThat(events.getLast().get("cod_collected"))
                .isEqualTo(Map.of("amount", new BigDecimal(8_990), "currency", "BRL"));
        assertThat(events.getLast().get("local_date")).isNotNull();
    }

    @Test
    void a_lost_answer_booked_all_the_same_and_the_booking_is_found_by_its_key() throws Exception {
        Map<String, Object> account = carrier.createAccount(null);
        assertThat(post(account, "/test/accounts/" + account.get("id") + "/faults", null, Map.of("mode", "lost_answer"))
                        .status)
                .isEqualTo(200);
        String key = UUID.randomUUID().toString();
        boolean lost = false;
        try {
            post(account, "/v1/shipments", key, sale("FR", "75011", 1, null, false));
        } catch (IOException e) {
            lost = true;
        }
        assertThat(lost).as("the connection closed without an answer").isTrue();
        assertThat(get(account, "/v1/shipments?idempotency_key=" + key).json().get("shipments"))
                .asList()
                .hasSize(1);
        assertThat(post(account, "/v1/shipments", key, sale("FR", "75011", 1, null, false)).status)
                .as("asking again with the key answers the booking, it does not book twice")
                .isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_index_names_the_demo_account_products_and_cod_countries() throws Exception {
        HttpResponse<String> index = http.send(
                HttpRequest.newBuilder(URI.create(carrier.url() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        Map<?, ?> body = (Map<?, ?>) Json.parse(index.body());
        assertThat(body.get("products")).isEqualTo(List.of("express", "parcel", "registered", "tracked-packet"));
        assertThat(((Map<?, ?>) body.get("demo_account")).get("api_key")).isEqualTo(SandboxCarrier.DEMO_API_KEY);
        assertThat((List<Object>) body.get("cod_countries"))
                .contains("BR", "TH")
                .doesNotContain("FR");
    }

    @Test
    void another_account_cannot_see_or_cancel_a_booking() throws Exception {
        Map<String, Object> owner = carrier.createAccount(null);
        Map<String, Object> other = carrier.createAccount(null);
        Map<String, Object> shipment = post(
                        owner, "/v1/shipments", UUID.randomUUID().toString(), sale("FR", "75011", 1, null, false))
                .json();
        assertThat(get(other, "/v1/shipments/" + shipment.get("id")).status).isEqualTo(404);
        assertThat(post(other, "/v1/shipments/" + shipment.get("id") + "/cancel", null, Map.of()).status)
                .isEqualTo(404);
        assertThat(get(other, "/v1/tracking/" + shipment.get("tracking_number") + "?postal_code=75011").status)
                .isEqualTo(404);
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(URI.create(carrier.url() + "/v1/shipments/" + shipment.get("id")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    // ---- helpers

    private static Map<String, Object> sale(String country, String postcode, int parcels, Long cod, boolean customs) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("service", "parcel");
        body.put("reference", "shp-ref");
        body.put("order", "ORD-1001");
        body.put("purpose", "sale");
        body.put(
                "sender",
                Map.of(
                        "name",
                        "Lisbon Ceramics EU warehouse",
                        "line1",
                        "Havenweg 1",
                        "city",
                        "Rotterdam",
                        "postal_code",
                        "3089 JB",
                        "country",
                        "NL"));
        body.put(
                "recipient",
                Map.of(
                        "name",
                        "Ana Sousa 苏",
                        "line1",
                        "10 Main Street",
                        "city",
                        "Somewhere",
                        "postal_code",
                        postcode,
                        "country",
                        country));
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < parcels; i++) {
            list.add(Map.of("weight_grams", new BigDecimal(1_500)));
        }
        body.put("parcels", list);
        body.put("label_format", "PDF_A6");
        if (cod != null) {
            body.put("cod", Map.of("amount", new BigDecimal(cod), "currency", "BRL"));
        }
        if (customs) {
            body.put(
                    "customs",
                    Map.of(
                            "content_type",
                            "SALE_OF_GOODS",
                            "incoterm",
                            "DAP",
                            "currency",
                            "EUR",
                            "postage",
                            new BigDecimal(1_299),
                            "items",
                            List.of(Map.of(
                                    "description",
                                    "Ceramic mug",
                                    "hs_code",
                                    "691200",
                                    "origin",
                                    "PT",
                                    "quantity",
                                    new BigDecimal(2),
                                    "weight_grams",
                                    new BigDecimal(900),
                                    "value",
                                    new BigDecimal(2_400)))));
        }
        return body;
    }

    private record Reply(int status, String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) Json.parse(body);
        }
    }

    private Reply post(Map<String, Object> account, String path, String key, Map<String, Object> body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(carrier.url() + path))
                .header("Authorization", "Bearer " + account.get("api_key"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private Reply get(Map<String, Object> account, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(carrier.url() + path))
                        .header("Authorization", "Bearer " + account.get("api_key"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private void advance(Duration by) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(carrier.url() + "/test/clock"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"advance_seconds\":" + by.toSeconds() + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String receiverUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Map<String, Object> shipment) {
        return (List<Map<String, Object>>) shipment.get("documents");
    }

    @SuppressWarnings("unchecked")
    private static List<String> types(Reply tracking) {
        assertThat(tracking.status).as(tracking.body).isEqualTo(200);
        return ((List<Map<String, Object>>) tracking.json().get("events"))
                .stream().map(e -> (String) e.get("type")).toList();
    }

    private static boolean verify(String secret, String body, String header) {
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        long age = Instant.now().getEpochSecond() - Long.parseLong(t);
        return age >= 0
                && age < 300
                && MessageDigest.isEqual(
                        Webhooks.hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
                        v1.getBytes(StandardCharsets.US_ASCII));
    }

    /** The Code 128 barcode on the PDF's first page, rendered at 300 dpi, as text. */
    private static String barcode(byte[] pdf) throws IOException, NotFoundException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 300);
            return new MultiFormatReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
                    .getText();
        }
    }
}
