package io.caravan.stack.carrier;

import com.sun.net.httpserver.HttpServer;
import io.caravan.stack.sandbox.ApiException;
import io.caravan.stack.sandbox.Exchanges;
import io.caravan.stack.sandbox.Json;
import io.caravan.stack.sandbox.LostAnswer;
import io.caravan.stack.sandbox.Reply;
import io.caravan.stack.sandbox.Request;
import io.caravan.stack.sandbox.SandboxClock;
import io.caravan.stack.sandbox.Webhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sandbox postal carrier that runs locally as a real HTTP server, with the behaviour of a real
 * one: API keys, idempotency keys on bookings, validation naming every bad field, refusals
 * (parcel too heavy, COD not offered, customs data missing, prohibited goods), UPU S10 tracking
 * numbers with their check digit, printed labels (PDF A6/A4 with a Code 128 barcode, or ZPL) and
 * CN22/CN23 declarations, a tracking feed that moves with its clock through label created → picked
 * up → in transit → export customs → arrival → customs (held) → cleared → out for delivery →
 * delivered — or failed delivery and return to sender for a refused COD parcel — cancellation until
 * pickup, signed and retried tracking webhooks, and faults on demand (unavailable, slow, the answer
 * lost after booking).
 *
 * <p>The API: {@code POST /v1/shipments} (header {@code Idempotency-Key}), {@code GET
 * /v1/shipments?idempotency_key=|reference=}, {@code GET /v1/shipments/{id}}, {@code POST
 * /v1/shipments/{id}/cancel}, {@code GET /v1/tracking/{number}?postal_code=}; every call with
 * {@code Authorization: Bearer <api key>}. Test endpoints under {@code /test/}. The whole contract is
 * in the repository's README, "The sandbox carrier". Listens on 127.0.0.1 only.
 */
public final class SandboxCarrier implements AutoCloseable {
    /** The demo account's id, API key and webhook signing secret. */
    public static final String DEMO_ACCOUNT = "acct_carrier_demo";

    public static final String DEMO_API_KEY = "ck_test_carrier_demo";
    public static final String DEMO_WEBHOOK_SECRET = "whsec_carrier_demo";
    /** The header of a webhook's signature, {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
    public static final String SIGNATURE_HEADER = "Carrier-Signature";

    public static final String EVENT_ID_HEADER = "Carrier-Event-Id";
    /** The public tracking page of a number (not served: the sandbox has no public site). */
    public static final String TRACKING_PAGE = "https://track.sandbox-carrier.example/t/";

    /** The countries whose couriers collect cash on delivery here (LatAm, South-East Asia, a few more). */
    static final Set<String> COD_COUNTRIES =
            Set.of("BR", "MX", "CO", "CL", "PE", "AR", "TH", "VN", "ID", "PH", "MY", "IN", "AE", "SA", "PL", "RO");
    /** The EU customs union: no customs between two of these. */
    static final Set<String> EU = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("FR", ZoneId.of("Europe/Paris")),
            Map.entry("DE", ZoneId.of("Europe/Berlin")),
            Map.entry("NL", ZoneId.of("Europe/Amsterdam")),
            Map.entry("ES", ZoneId.of("Europe/Madrid")),
            Map.entry("IT", ZoneId.of("Europe/Rome")),
            Map.entry("PT", ZoneId.of("Europe/Lisbon")),
            Map.entry("PL", ZoneId.of("Europe/Warsaw")),
            Map.entry("GB", ZoneId.of("Europe/London")),
            Map.entry("US", ZoneId.of("America/New_York")),
            Map.entry("CA", ZoneId.of("America/Toronto")),
            Map.entry("BR", ZoneId.of("America/Sao_Paulo")),
            Map.entry("MX", ZoneId.of("America/Mexico_City")),
            Map.entry("CN", ZoneId.of("Asia/Shanghai")),
            Map.entry("JP", ZoneId.of("Asia/Tokyo")),
            Map.entry("SG", ZoneId.of("Asia/Singapore")),
            Map.entry("TH", ZoneId.of("Asia/Bangkok")),
            Map.entry("VN", ZoneId.of("Asia/Ho_Chi_Minh")),
            Map.entry("ID", ZoneId.of("Asia/Jakarta")),
            Map.entry("PH", ZoneId.of("Asia/Manila")),
            Map.entry("MY", ZoneId.of("Asia/Kuala_Lumpur")),
            Map.entry("AU", ZoneId.of("Australia/Sydney")));

    /** A product the carrier sells. Prices in EUR cents. */
    record Product(String code, String s10Service, int maxWeightGrams, long basePrice, long perKg) {}

    static final Map<String, Product> PRODUCTS = Map.of(
            "tracked-packet", new Product("tracked-packet", "LX", 2_000, 650, 300),
            "registered", new Product("registered", "RR", 2_000, 900, 300),
            "parcel", new Product("parcel", "CP", 30_000, 1_200, 150),
            "express", new Product("express", "EE", 30_000, 2_900, 400));

    private static final Set<String> LABEL_FORMATS = Set.of("PDF_A6", "PDF_A4", "ZPL");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService scheduler;
    private final SandboxClock clock = new SandboxClock();
    private final Webhooks webhooks;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Booking> bookings = new LinkedHashMap<>();
    private final Map<String, Booking> byTracking = new ConcurrentHashMap<>();
    private final Map<String, Webhooks.Event> events = new LinkedHashMap<>();
    private final AtomicLong serials = new AtomicLong(10_000_000 + RANDOM.nextInt(80_000_000));
    private volatile Duration retryBase = Duration.ofSeconds(2);
    private volatile int maxAttempts = 5;
    private volatile Duration slow = Duration.ofSeconds(30);

    /** A customer account: its key, its webhook address and secret, faults queued for its next calls. */
    static final class Account {
        final String id;
        final String apiKey;
        final String webhookSecret;
        volatile String webhookUrl;
        final List<String> faults = new ArrayList<>();

        Account(String id, String apiKey, String webhookSecret, String webhookUrl) {
            this.id = id;
            this.apiKey = apiKey;
            this.webhookSecret = webhookSecret;
            this.webhookUrl = webhookUrl;
        }

        synchronized String nextFault() {
            return faults.isEmpty() ? null : faults.removeFirst();
        }
    }

    /** One event of a booking's journey, due at {@code at} on the carrier's clock. */
    record Planned(
            String id,
            Instant at,
            String type,
            String description,
            String country,
            String location,
            String failureReason,
            boolean collects) {}

    /** A booking. Guarded by the carrier's monitor. */
    static final class Booking {
        String id;
        Account account;
        String idempotencyKey;
        String canonicalRequest;
        Map<String, Object> request;
        Product product;
        String reference;
        String order;
        String purpose;
        String fromCountry;
        String fromCity;
        String toCountry;
        String toCity;
        String toPostalCode;
        boolean customs;
        List<String> parcelNumbers;
        Instant booked;
        Map<String, Object> cod;
        Map<String, Object> charge;
        List<Map<String, Object>> documents;
        boolean cancelled;
        String outcome = "delivered";
        List<Planned> plan = List.of();
        final Set<String> notified = new java.util.HashSet<>();

        String trackingNumber() {
            return parcelNumbers.getFirst();
        }
    }

    private SandboxCarrier(int port) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.handlers = Executors.newVirtualThreadPerTaskExecutor();
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "sandbox-carrier-scheduler");
            t.setDaemon(true);
            return t;
        });
        this.webhooks = new Webhooks(
                scheduler, Webhooks.Retries.of(() -> retryBase, () -> maxAttempts), SIGNATURE_HEADER, EVENT_ID_HEADER);
        accounts.put(DEMO_ACCOUNT, new Account(DEMO_ACCOUNT, DEMO_API_KEY, DEMO_WEBHOOK_SECRET, null));
        server.setExecutor(handlers);
        server.createContext("/", exchange -> Exchanges.serve(exchange, this::route));
    }

    /** Starts the carrier on 127.0.0.1:{@code port} (0: any free port). */
    public static SandboxCarrier start(int port) {
        try {
            SandboxCarrier carrier = new SandboxCarrier(port);
            carrier.server.start();
            // the feed moves with the clock: due events are notified without anyone asking
            carrier.scheduler.scheduleWithFixedDelay(carrier::notifyDue, 500, 500, TimeUnit.MILLISECONDS);
            return carrier;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox carrier on port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A fresh account whose webhooks go to {@code webhookUrl} (null: none); its API key and secret in the map. */
    public Map<String, Object> createAccount(String webhookUrl) {
        Account account = newAccount(webhookUrl);
        return accountJson(account);
    }

    /** Stops listening; undelivered webhooks stay undelivered. */
    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        scheduler.shutdownNow();
    }

    private Account newAccount(String webhookUrl) {
        String suffix = random(8);
        Account account = new Account("acct_" + suffix, "ck_test_" + random(16), "whsec_" + random(16), webhookUrl);
        accounts.put(account.id, account);
        return account;
    }

    private Reply route(Request r) throws IOException, InterruptedException {
        List<String> p = r.path;
        if (p.isEmpty() && r.method.equals("GET")) {
            return Reply.json(200, index());
        }
        if (!p.isEmpty() && p.getFirst().equals("test")) {
            return test(r, p.subList(1, p.size()));
        }
        if (p.size() >= 2 && p.getFirst().equals("v1")) {
            Account account = authenticate(r);
            List<String> rest = p.subList(1, p.size());
            String what = rest.getFirst();
            if (what.equals("shipments")) {
                if (rest.size() == 1 && r.method.equals("POST")) {
                    return book(account, r);
                }
                if (rest.size() == 1 && r.method.equals("GET")) {
                    return find(account, r);
                }
                if (rest.size() == 2 && r.method.equals("GET")) {
                    return Reply.json(200, view(booking(account, rest.get(1))));
                }
                if (rest.size() == 3 && rest.get(2).equals("cancel") && r.method.equals("POST")) {
                    return cancel(account, rest.get(1));
                }
            }
            if (what.equals("tracking") && rest.size() == 2 && r.method.equals("GET")) {
                return track(account, rest.get(1), r.query.get("postal_code"));
            }
        }
        throw ApiException.notFound("no such endpoint: " + r.method + " /" + String.join("/", p));
    }

    private Account authenticate(Request r) {
        String header = r.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw ApiException.unauthorized("send your API key as Authorization: Bearer <key>");
        }
        String key = header.substring("Bearer ".length()).trim();
        for (Account account : accounts.values()) {
            if (java.security.MessageDigest.isEqual(
                    account.apiKey.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))) {
                return account;
            }
        }
        throw ApiException.unauthorized("no account has this API key");
    }

    // ---- bookings

    private Reply book(Account account, Request r) throws InterruptedException {
        String key = r.header("Idempotency-Key");
        if (key == null || key.isBlank() || key.length() > 128) {
            throw ApiException.invalid(
                    "idempotency_key_missing",
                    "Idempotency-Key",
                    "send an Idempotency-Key header of 1 to 128 characters");
        }
        Map<String, Object> body = r.json();
        String canonical = Json.write(body);
        String fault = account.nextFault();
        if ("unavailable".equals(fault)) {
            return Reply.json(
                    503,
                    Map.of("error", Map.of("type", "api_error", "code", "unavailable", "message", "try again later")));
        }
        Booking booking;
        boolean replay;
        synchronized (this) {
            Booking earlier = bookings.values().stream()
                    .filter(b -> b.account == account && key.equals(b.idempotencyKey))
                    .findFirst()
                    .orElse(null);
            if (earlier != null) {
                if (!earlier.canonicalRequest.equals(canonical)) {
                    throw ApiException.conflict(
                            "idempotency_key_reused",
                            "this Idempotency-Key was used for another shipment request; nothing was booked");
                }
                booking = earlier;
                replay = true;
            } else {
                booking = validate(account, body);
                booking.idempotencyKey = key;
                booking.canonicalRequest = canonical;
                create(booking);
                replay = false;
            }
        }
        if ("lost_answer".equals(fault)) {
            throw new LostAnswer();
        }
        if ("slow".equals(fault)) {
            Thread.sleep(slow.toMillis());
        }
        Reply reply = Reply.json(replay ? 200 : 201, view(booking));
        return replay ? reply.replayed() : reply;
    }

    /** Reads a booking request, listing every bad field at once, then the carrier's refusals. */
    private Booking validate(Account account, Map<String, Object> body) {
        List<Map<String, Object>> errors = new ArrayList<>();
        Booking b = new Booking();
        b.account = account;
        b.request = body;
        String service = text(body, "service", 40, true, errors);
        if (service != null && !PRODUCTS.containsKey(service)) {
            errors.add(ApiException.field("service", "one of " + new java.util.TreeSet<>(PRODUCTS.keySet())));
        }
        b.reference = text(body, "reference", 64, true, errors);
        b.order = text(body, "order", 64, true, errors);
        b.purpose = text(body, "purpose", 10, true, errors);
        if (b.purpose != null && !Set.of("sale", "return").contains(b.purpose)) {
            errors.add(ApiException.field("purpose", "sale or return"));
        }
        Map<String, Object> sender = address(body, "sender", errors);
        Map<String, Object> recipient = address(body, "recipient", errors);
        String format = text(body, "label_format", 10, true, errors);
        if (format != null && !LABEL_FORMATS.contains(format)) {
            errors.add(ApiException.field("label_format", "one of PDF_A6, PDF_A4, ZPL"));
        }
        List<Long> weights = new ArrayList<>();
        Object parcels = body.get("parcels");
        if (!(parcels instanceof List<?> list) || list.isEmpty() || list.size() > 99) {
            errors.add(ApiException.field("parcels", "a list of 1 to 99 parcels"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> parcel)) {
                    errors.add(ApiException.field("parcels[" + i + "]", "an object"));
                    continue;
                }
                Long grams = whole(parcel.get("weight_grams"), "parcels[" + i + "].weight_grams", 1, 1_000_000, errors);
                weights.add(grams == null ? 0 : grams);
            }
        }
        Map<String, Object> cod = null;
        if (body.get("cod") != null) {
            if (!(body.get("cod") instanceof Map<?, ?> c)) {
                errors.add(ApiException.field("cod", "an object with amount and currency"));
            } else {
                Long amount = whole(c.get("amount"), "cod.amount", 1, 1_000_000_000_000L, errors);
                Object currency = c.get("currency");
                if (!(currency instanceof String s) || !s.matches("[A-Z]{3}")) {
                    errors.add(ApiException.field("cod.currency", "an ISO 4217 code"));
                }
                if (amount != null && currency instanceof String s && s.matches("[A-Z]{3}")) {
                    cod = new LinkedHashMap<>();
                    cod.put("amount", amount);
                    cod.put("currency", s);
                }
            }
        }
        List<String> customsRows = null;
        if (body.get("customs") != null) {
            customsRows = customs(body.get("customs"), errors);
        }
        String original = null;
        if (body.get("original_tracking_number") != null) {
            original = text(body, "original_tracking_number", 64, false, errors);
        }
        String rma = body.get("rma") == null ? null : text(body, "rma", 64, false, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }

        Product product = PRODUCTS.get(service);
        b.product = product;
        b.fromCountry = (String) sender.get("country");
        b.fromCity = (String) sender.get("city");
        b.toCountry = (String) recipient.get("country");
        b.toCity = (String) recipient.get("city");
        b.toPostalCode = normalisePostalCode((String) recipient.get("postal_code"));
        b.customs = crossesCustoms(b.fromCountry, b.toCountry);
        for (int i = 0; i < weights.size(); i++) {
            if (weights.get(i) > product.maxWeightGrams()) {
                throw refusal(
                        "parcel_too_heavy",
                        "parcels[" + i + "] weighs " + weights.get(i) + " g; " + product.code() + " takes at most "
                                + product.maxWeightGrams() + " g");
            }
        }
        if (b.purpose.equals("return")) {
            if (cod != null) {
                throw refusal("cod_not_allowed_on_return", "a return collects no cash on delivery");
            }
            if (original == null || rma == null) {
                throw refusal(
                        "return_needs_original",
                        "a return names original_tracking_number and rma of the outbound parcel");
            }
            Booking outbound = byTracking.get(original);
            if (outbound == null || outbound.account != account) {
                throw refusal("original_shipment_unknown", "no shipment " + original + " of this account");
            }
        }
        if (cod != null && !COD_COUNTRIES.contains(b.toCountry)) {
            throw refusal(
                    "cod_not_offered",
                    "no cash on delivery to " + b.toCountry + " (offered to " + new java.util.TreeSet<>(COD_COUNTRIES)
                            + ")");
        }
        if (b.customs && customsRows == null) {
            throw refusal(
                    "customs_required",
                    "a parcel from " + b.fromCountry + " to " + b.toCountry
                            + " crosses a customs border: send customs");
        }
        if (!b.customs && customsRows != null) {
            customsRows = null; // a declaration within one customs territory is not printed
        }
        b.cod = cod;
        long grams = weights.stream().mapToLong(Long::longValue).sum();
        long extraKg = Math.max(0, (grams - 1) / 1000);
        long price = product.basePrice() + extraKg * product.perKg() + (b.customs ? 500 : 0) + (cod != null ? 150 : 0);
        b.charge = new LinkedHashMap<>(Map.of("amount", price, "currency", "EUR"));
        b.parcelNumbers = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            b.parcelNumbers.add(S10.of(product.s10Service(), serials.getAndIncrement() % 100_000_000, b.fromCountry));
        }
        b.documents = documents(b, format, sender, recipient, rma, customsRows);
        return b;
    }

    private List<String> customs(Object value, List<Map<String, Object>> errors) {
        if (!(value instanceof Map<?, ?> c)) {
            errors.add(ApiException.field("customs", "an object"));
            return null;
        }
        List<String> rows = new ArrayList<>();
        Object type = c.get("content_type");
        if (!(type instanceof String t)
                || !Set.of("SALE_OF_GOODS", "RETURNED_GOODS", "GIFT", "COMMERCIAL_SAMPLE", "DOCUMENTS", "OTHER")
                        .contains(t)) {
            errors.add(ApiException.field("customs.content_type", "SALE_OF_GOODS, RETURNED_GOODS, GIFT, …"));
        } else {
            rows.add("Category: " + t);
        }
        Object incoterm = c.get("incoterm");
        if (!(incoterm instanceof String i) || !Set.of("DDP", "DAP").contains(i)) {
            errors.add(ApiException.field("customs.incoterm", "DDP or DAP"));
        } else {
            rows.add("Incoterm: " + i);
        }
        Object currency = c.get("currency");
        if (!(currency instanceof String cur) || !cur.matches("[A-Z]{3}")) {
            errors.add(ApiException.field("customs.currency", "an ISO 4217 code"));
        }
        Long postage = whole(c.get("postage"), "customs.postage", 0, 1_000_000_000_000L, errors);
        Object items = c.get("items");
        if (!(items instanceof List<?> list) || list.isEmpty() || list.size() > 100) {
            errors.add(ApiException.field("customs.items", "a list of 1 to 100 items"));
            return rows;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "customs.items[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                errors.add(ApiException.field(at, "an object"));
                continue;
            }
            Object description = item.get("description");
            if (!(description instanceof String d) || d.isBlank() || d.length() > 200) {
                errors.add(ApiException.field(at + ".description", "1 to 200 characters"));
            }
            Object hs = item.get("hs_code");
            if (hs != null && !(hs instanceof String h && h.matches("[0-9]{6,10}"))) {
                errors.add(ApiException.field(at + ".hs_code", "6 to 10 digits"));
            } else if (hs instanceof String h && h.startsWith("93")) {
                throw refusal("goods_prohibited", at + ": HS chapter 93 (arms and ammunition) is not carried");
            }
            Object origin = item.get("origin");
            if (!(origin instanceof String o) || !o.matches("[A-Z]{2}")) {
                errors.add(ApiException.field(at + ".origin", "an ISO 3166 country code"));
            }
            Long quantity = whole(item.get("quantity"), at + ".quantity", 1, 1_000_000, errors);
            whole(item.get("weight_grams"), at + ".weight_grams", 0, 1_000_000, errors);
            Long itemValue = whole(item.get("value"), at + ".value", 0, 1_000_000_000_000L, errors);
            rows.add(quantity + " x " + description + "  HS " + (hs == null ? "-" : hs) + "  origin " + origin
                    + "  value " + itemValue + " " + currency);
        }
        rows.add("Postage: " + postage + " " + currency);
        return rows;
    }

    private List<Map<String, Object>> documents(
            Booking b,
            String format,
            Map<String, Object> sender,
            Map<String, Object> recipient,
            String rma,
            List<String> customsRows) {
        List<Map<String, Object>> documents = new ArrayList<>();
        String from = sender.get("name") + ", " + sender.get("city") + " " + b.fromCountry;
        String to = recipient.get("name") + ", " + recipient.get("line1") + ", "
                + (recipient.get("postal_code") == null ? "" : recipient.get("postal_code") + " ")
                + recipient.get("city")
                + " " + b.toCountry;
        String notice = b.cod != null
                ? "COD " + b.cod.get("currency") + " " + money((Long) b.cod.get("amount"))
                : b.purpose.equals("return") ? "RETURN  RMA " + rma : null;
        for (int i = 0; i < b.parcelNumbers.size(); i++) {
            byte[] label = LabelPrinter.label(
                    format,
                    new LabelPrinter.LabelText(
                            b.parcelNumbers.get(i),
                            b.product.code().toUpperCase(java.util.Locale.ROOT),
                            from,
                            to,
                            b.reference + " / " + b.order,
                            (i + 1) + "/" + b.parcelNumbers.size(),
                            notice));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("kind", "LABEL");
            d.put("parcel_index", i);
            d.put("tracking_number", b.parcelNumbers.get(i));
            d.put("content_type", LabelPrinter.contentType(format));
            d.put("data", Base64.getEncoder().encodeToString(label));
            documents.add(d);
        }
        if (customsRows != null) {
            // CN22 for small postal items, CN23 above (the UPU's limit is 300 SDR; the sandbox
            // compares the declared goods value in minor units with 30,000 whatever the currency)
            long value = 0;
            Object items = ((Map<?, ?>) b.request.get("customs")).get("items");
            for (Object item : (List<?>) items) {
                value += ((BigDecimal) ((Map<?, ?>) item).get("value")).longValue();
            }
            String kind = value <= 30_000 ? "CN22" : "CN23";
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("kind", kind);
            d.put("parcel_index", null);
            d.put("content_type", "application/pdf");
            d.put(
                    "data",
                    Base64.getEncoder()
                            .encodeToString(LabelPrinter.customs(kind, b.trackingNumber(), from, to, customsRows)));
            documents.add(d);
        }
        return documents;
    }

    private void create(Booking b) {
        b.id = "shp_" + random(12);
        b.booked = clock.now();
        b.plan = plan(b);
        bookings.put(b.id, b);
        for (String number : b.parcelNumbers) {
            byTracking.put(number, b);
        }
    }

    /** The journey from the booking on, ending as {@link Booking#outcome} says. */
    private static List<Planned> plan(Booking b) {
        List<Planned> plan = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        Instant t = b.booked;
        String from = b.fromCountry;
        String to = b.toCountry;
        add(plan, b, n, t, "LABEL_CREATED", "Label printed; waiting for the parcel", from, b.fromCity, null, false);
        if (b.cancelled) {
            return plan;
        }
        add(plan, b, n, t.plus(Duration.ofHours(2)), "PICKED_UP", "Picked up", from, b.fromCity, null, false);
        add(
                plan,
                b,
                n,
                t.plus(Duration.ofHours(8)),
                "IN_TRANSIT",
                "At the sorting centre",
                from,
                b.fromCity,
                null,
                false);
        Instant out;
        if (!from.equals(to)) {
            if (b.customs) {
                add(
                        plan,
                        b,
                        n,
                        t.plus(Duration.ofHours(20)),
                        "EXPORT_CUSTOMS",
                        "Export clearance",
                        from,
                        null,
                        null,
                        false);
            }
            add(
                    plan,
                    b,
                    n,
                    t.plus(Duration.ofHours(30)),
                    "IN_TRANSIT",
                    "In international transit",
                    null,
                    null,
                    null,
                    false);
            add(
                    plan,
                    b,
                    n,
                    t.plus(Duration.ofHours(48)),
                    "ARRIVED_IN_DESTINATION_COUNTRY",
                    "Arrived in the destination country",
                    to,
                    null,
                    null,
                    false);
            if (b.customs) {
                if (b.outcome.equals("customs_hold")) {
                    add(
                            plan,
                            b,
                            n,
                            t.plus(Duration.ofHours(50)),
                            "CUSTOMS_HELD",
                            "Held by customs: documents checked",
                            to,
                            null,
                            null,
                            false);
                }
                add(
                        plan,
                        b,
                        n,
                        t.plus(Duration.ofHours(60)),
                        "CUSTOMS_CLEARED",
                        "Released by customs",
                        to,
                        null,
                        null,
                        false);
            }
            out = t.plus(Duration.ofHours(72));
        } else {
            out = t.plus(Duration.ofHours(24));
        }
        add(plan, b, n, out, "OUT_FOR_DELIVERY", "With the courier for delivery", to, b.toCity, null, false);
        Instant end = out.plus(Duration.ofHours(4));
        switch (b.outcome) {
            case "refused" -> {
                String reason = b.cod != null ? "COD_NOT_PAID" : "REFUSED";
                add(
                        plan,
                        b,
                        n,
                        end,
                        "DELIVERY_FAILED",
                        "The recipient refused the parcel",
                        to,
                        b.toCity,
                        reason,
                        false);
                add(
                        plan,
                        b,
                        n,
                        end.plus(Duration.ofHours(48)),
                        "RETURNED_TO_SENDER",
                        "Returned to the sender",
                        to,
                        b.toCity,
                        null,
                        false);
            }
            case "failed_then_delivered" -> {
                add(plan, b, n, end, "DELIVERY_FAILED", "Nobody was home", to, b.toCity, "NOBODY_HOME", false);
                add(
                        plan,
                        b,
                        n,
                        end.plus(Duration.ofHours(20)),
                        "OUT_FOR_DELIVERY",
                        "Second attempt",
                        to,
                        b.toCity,
                        null,
                        false);
                add(
                        plan,
                        b,
                        n,
                        end.plus(Duration.ofHours(24)),
                        "DELIVERED",
                        "Delivered",
                        to,
                        b.toCity,
                        null,
                        b.cod != null);
            }
            default -> add(plan, b, n, end, "DELIVERED", "Delivered", to, b.toCity, null, b.cod != null);
        }
        return List.copyOf(plan);
    }

    private static void add(
            List<Planned> plan,
            Booking b,
            AtomicInteger n,
            Instant at,
            String type,
            String description,
            String country,
            String location,
            String failureReason,
            boolean collects) {
        plan.add(new Planned(
                b.id + "-" + n.incrementAndGet() + "-" + type.toLowerCase(java.util.Locale.ROOT),
                at,
                type,
                description,
                country,
                location,
                failureReason,
                collects));
    }

    private Reply find(Account account, Request r) {
        String key = r.query.get("idempotency_key");
        String reference = r.query.get("reference");
        if (key == null && reference == null) {
            throw ApiException.invalid("parameter_missing", "idempotency_key", "give idempotency_key or reference");
        }
        List<Map<String, Object>> found = new ArrayList<>();
        synchronized (this) {
            for (Booking b : bookings.values()) {
                if (b.account == account
                        && (key == null || key.equals(b.idempotencyKey))
                        && (reference == null || reference.equals(b.reference))) {
                    found.add(view(b));
                }
            }
        }
        return Reply.json(200, Map.of("shipments", found));
    }

    private synchronized Booking booking(Account account, String id) {
        Booking b = bookings.get(id);
        if (b == null || b.account != account) {
            throw ApiException.notFound("no shipment " + id);
        }
        return b;
    }

    private Reply cancel(Account account, String id) {
        String fault = account.nextFault();
        if ("unavailable".equals(fault)) {
            return Reply.json(
                    503,
                    Map.of("error", Map.of("type", "api_error", "code", "unavailable", "message", "try again later")));
        }
        Booking b = booking(account, id);
        synchronized (this) {
            if (!b.cancelled) {
                Instant now = clock.now();
                Planned pickup = b.plan.stream()
                        .filter(e -> e.type().equals("PICKED_UP"))
                        .findFirst()
                        .orElse(null);
                if (pickup != null && !pickup.at().isAfter(now)) {
                    throw new ApiException(
                            409,
                            "invalid_request_error",
                            "too_late",
                            "the parcel was picked up at " + pickup.at() + "; it can no longer be cancelled",
                            List.of());
                }
                b.cancelled = true;
                b.plan = plan(b);
            }
        }
        if ("lost_answer".equals(fault)) {
            throw new LostAnswer();
        }
        return Reply.json(200, view(b));
    }

    private Reply track(Account account, String number, String postalCode) {
        if (!S10.isValid(number)) {
            throw ApiException.invalid(
                    "tracking_number_invalid",
                    "tracking_number",
                    number + " is not an S10 tracking number (2 letters, 8 digits, check digit, 2 letters)");
        }
        Booking b = byTracking.get(number);
        // an unknown number and a wrong postal code look alike: the journey is not disclosed
        if (b == null
                || b.account != account
                || b.toPostalCode != null && !b.toPostalCode.equals(normalisePostalCode(postalCode))) {
            throw ApiException.notFound("no shipment " + number + " to that postal code");
        }
        synchronized (this) {
            Instant now = clock.now();
            List<Map<String, Object>> visible = new ArrayList<>();
            for (Planned e : b.plan) {
                if (!e.at().isAfter(now)) {
                    visible.add(eventJson(b, e));
                }
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("tracking_number", number);
            t.put("shipment_id", b.id);
            t.put("status", status(b));
            t.put("events", visible);
            t.put("estimated_delivery", estimatedDelivery(b));
            return Reply.json(200, t);
        }
    }

    // ---- webhooks

    private void notifyDue() {
        List<Webhooks.Event> due = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.now();
            for (Booking b : bookings.values()) {
                String url = b.account.webhookUrl;
                if (url == null || url.isBlank()) {
                    continue;
                }
                for (Planned e : b.plan) {
                    if (!e.at().isAfter(now) && b.notified.add(e.id())) {
                        Map<String, Object> data = new LinkedHashMap<>();
                        data.put("shipment_id", b.id);
                        data.put("tracking_number", b.trackingNumber());
                        data.put("reference", b.reference);
                        data.put("event", eventJson(b, e));
                        data.put("estimated_delivery", estimatedDelivery(b));
                        Map<String, Object> body = new LinkedHashMap<>();
                        String id = "evt_" + random(12);
                        body.put("id", id);
                        body.put("type", "tracking.updated");
                        body.put("created", Instant.now().getEpochSecond());
                        body.put("account", b.account.id);
                        body.put("data", data);
                        Webhooks.Event event = new Webhooks.Event(
                                id, "tracking.updated", b.account.id, b.account.webhookSecret, url, Json.write(body));
                        events.put(id, event);
                        due.add(event);
                    }
                }
            }
        }
        due.forEach(webhooks::deliver);
    }

    // ---- views

    private Map<String, Object> view(Booking b) {
        synchronized (this) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", b.id);
            v.put("status", status(b));
            v.put("service", b.product.code());
            v.put("purpose", b.purpose);
            v.put("reference", b.reference);
            v.put("order", b.order);
            v.put("tracking_number", b.trackingNumber());
            v.put("tracking_url", TRACKING_PAGE + b.trackingNumber());
            v.put("parcel_tracking_numbers", List.copyOf(b.parcelNumbers));
            v.put("documents", b.documents);
            v.put("charge", b.charge);
            v.put("cod", b.cod);
            v.put("created", b.booked.toString());
            v.put("estimated_delivery", estimatedDelivery(b));
            return v;
        }
    }

    private String status(Booking b) {
        if (b.cancelled) {
            return "cancelled";
        }
        Instant now = clock.now();
        String status = "booked";
        for (Planned e : b.plan) {
            if (!e.at().isAfter(now)) {
                status = switch (e.type()) {
                    case "DELIVERED" -> "delivered";
                    case "RETURNED_TO_SENDER" -> "returned";
                    case "LABEL_CREATED" -> "booked";
                    default -> "in_transit";
                };
            }
        }
        return status;
    }

    private Object estimatedDelivery(Booking b) {
        return b.plan.stream()
                .filter(e -> e.type().equals("DELIVERED"))
                .reduce((first, second) -> second)
                .map(e -> localDate(e.at(), b.toCountry).toString())
                .orElse(null);
    }

    private Map<String, Object> eventJson(Booking b, Planned e) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", e.id());
        j.put("type", e.type());
        j.put("occurred_at", e.at().toString());
        j.put(
                "local_date",
                localDate(e.at(), e.country() == null ? b.fromCountry : e.country())
                        .toString());
        j.put("description", e.description());
        j.put("country", e.country());
        j.put("location", e.location());
        j.put("failure_reason", e.failureReason());
        j.put("cod_collected", e.collects() ? b.cod : null);
        return j;
    }

    private static LocalDate localDate(Instant at, String country) {
        return at.atZone(ZONES.getOrDefault(country, ZoneOffset.UTC)).toLocalDate();
    }

    // ---- test endpoints

    private Reply test(Request r, List<String> p) throws IOException, InterruptedException {
        String what = String.join("/", p);
        switch (r.method + " " + what) {
            case "POST reset" -> {
                synchronized (this) {
                    bookings.clear();
                    byTracking.clear();
                    events.clear();
                }
                clock.reset();
                return Reply.json(200, Map.of("reset", true));
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
                notifyDue();
                return Reply.json(200, clockJson());
            }
            case "POST accounts" -> {
                Object url = r.json().get("webhook_url");
                return Reply.json(200, accountJson(newAccount(url instanceof String s ? s : null)));
            }
            case "GET config" -> {
                return Reply.json(200, configJson());
            }
            case "POST config" -> {
                Map<String, Object> body = r.json();
                List<Map<String, Object>> errors = new ArrayList<>();
                Long base = whole(body.get("webhook_retry_base_ms"), "webhook_retry_base_ms", 0, 3_600_000, errors);
                Long attempts = whole(body.get("webhook_max_attempts"), "webhook_max_attempts", 1, 20, errors);
                Long slowMs = whole(body.get("slow_ms"), "slow_ms", 0, 600_000, errors);
                if (!errors.isEmpty()) {
                    throw ApiException.invalid(errors);
                }
                if (body.containsKey("webhook_retry_base_ms")) {
                    retryBase = Duration.ofMillis(base);
                }
                if (body.containsKey("webhook_max_attempts")) {
                    maxAttempts = attempts.intValue();
                }
                if (body.containsKey("slow_ms")) {
                    slow = Duration.ofMillis(slowMs);
                }
                return Reply.json(200, configJson());
            }
            case "GET webhooks" -> {
                String accountId = r.query.get("account");
                List<Map<String, Object>> list = new ArrayList<>();
                synchronized (this) {
                    for (Webhooks.Event e : events.values()) {
                        if (accountId == null || accountId.equals(e.accountId)) {
                            list.add(e.toJson());
                        }
                    }
                }
                return Reply.json(200, Map.of("events", list));
            }
            default -> {
                return testOn(r, p);
            }
        }
    }

    private Reply testOn(Request r, List<String> p) throws IOException, InterruptedException {
        if (p.size() == 3 && p.get(0).equals("accounts")) {
            Account account = accounts.get(p.get(1));
            if (account == null) {
                throw ApiException.notFound("no account " + p.get(1));
            }
            Map<String, Object> body = r.json();
            if (p.get(2).equals("webhook") && r.method.equals("PUT")) {
                account.webhookUrl = body.get("webhook_url") instanceof String s ? s : null;
                return Reply.json(200, accountJson(account));
            }
            if (p.get(2).equals("faults") && r.method.equals("POST")) {
                Object mode = body.get("mode");
                if (!(mode instanceof String m)
                        || !Set.of("unavailable", "slow", "lost_answer").contains(m)) {
                    throw ApiException.invalid("parameter_invalid", "mode", "unavailable, slow or lost_answer");
                }
                List<Map<String, Object>> errors = new ArrayList<>();
                Long count =
                        body.get("count") == null ? Long.valueOf(1) : whole(body.get("count"), "count", 1, 100, errors);
                if (!errors.isEmpty()) {
                    throw ApiException.invalid(errors);
                }
                synchronized (account) {
                    for (int i = 0; i < count; i++) {
                        account.faults.add(m);
                    }
                }
                return Reply.json(200, Map.of("account", account.id, "queued", count, "mode", m));
            }
        }
        if (p.size() == 3 && p.get(0).equals("shipments") && p.get(2).equals("outcome") && r.method.equals("POST")) {
            Object outcome = r.json().get("outcome");
            if (!(outcome instanceof String o)
                    || !Set.of("delivered", "refused", "failed_then_delivered", "customs_hold")
                            .contains(o)) {
                throw ApiException.invalid(
                        "parameter_invalid", "outcome", "delivered, refused, failed_then_delivered or customs_hold");
            }
            synchronized (this) {
                Booking b = bookings.get(p.get(1));
                if (b == null) {
                    throw ApiException.notFound("no shipment " + p.get(1));
                }
                Instant now = clock.now();
                Planned outForDelivery = b.plan.stream()
                        .filter(e -> e.type().equals("ARRIVED_IN_DESTINATION_COUNTRY")
                                || e.type().equals("OUT_FOR_DELIVERY"))
                        .findFirst()
                        .orElse(null);
                if (b.cancelled
                        || outForDelivery == null
                        || !outForDelivery.at().isAfter(now)) {
                    throw ApiException.conflict("too_late", "the journey's end is under way; its outcome is fixed");
                }
                b.outcome = o;
                b.plan = plan(b);
                return Reply.json(200, view(b));
            }
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
                Object mode = r.json().getOrDefault("mode", "wrong_secret");
                long now = Instant.now().getEpochSecond();
                String signature = switch (String.valueOf(mode)) {
                    case "wrong_secret" -> Webhooks.sign("whsec_forger_" + random(8), now, event.body);
                    case "stale" -> Webhooks.sign(event.secret, now - 600, event.body);
                    case "unsigned" -> null;
                    default ->
                        throw ApiException.invalid("parameter_invalid", "mode", "wrong_secret, stale or unsigned");
                };
                return Reply.json(
                        200,
                        webhooks.sendRaw(event.url, event.body, signature, event.id)
                                .toJson());
            }
        }
        throw ApiException.notFound("no such test endpoint: " + r.method + " /test/" + String.join("/", p));
    }

    // ---- helpers

    private static ApiException refusal(String code, String message) {
        return new ApiException(422, "carrier_error", code, message, List.of());
    }

    private static String text(
            Map<?, ?> body, String field, int max, boolean required, List<Map<String, Object>> errors) {
        Object v = body.get(field);
        if (v == null) {
            if (required) {
                errors.add(ApiException.field(field, field + " is required"));
            }
            return null;
        }
        if (!(v instanceof String s) || s.isBlank() || s.length() > max) {
            errors.add(ApiException.field(field, field + " must be text of 1 to " + max + " characters"));
            return null;
        }
        return s;
    }

    private static Map<String, Object> address(
            Map<String, Object> body, String field, List<Map<String, Object>> errors) {
        Object v = body.get(field);
        if (!(v instanceof Map<?, ?> a)) {
            errors.add(ApiException.field(field, field + " is required: name, line1, city, postal_code, country"));
            return Map.of("country", "ZZ", "city", "?", "name", "?", "line1", "?");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String part : List.of("name", "line1", "city")) {
            Object s = a.get(part);
            if (!(s instanceof String t) || t.isBlank() || t.length() > 200) {
                errors.add(ApiException.field(field + "." + part, "1 to 200 characters"));
                out.put(part, "?");
            } else {
                out.put(part, t);
            }
        }
        Object country = a.get("country");
        if (!(country instanceof String c) || !c.matches("[A-Z]{2}")) {
            errors.add(ApiException.field(field + ".country", "an ISO 3166 country code such as FR"));
            out.put("country", "ZZ");
        } else {
            out.put("country", c);
        }
        Object postal = a.get("postal_code");
        if (postal != null
                && !(postal instanceof String pc && pc.matches("[A-Za-z0-9](?:[A-Za-z0-9 -]{0,14}[A-Za-z0-9])?"))) {
            errors.add(ApiException.field(field + ".postal_code", "letters, digits, spaces and hyphens (at most 16)"));
        } else {
            out.put("postal_code", postal);
        }
        return out;
    }

    private static Long whole(Object v, String field, long min, long max, List<Map<String, Object>> errors) {
        if (v == null) {
            errors.add(ApiException.field(field, field + " is required"));
            return null;
        }
        if (!(v instanceof BigDecimal d) || d.stripTrailingZeros().scale() > 0) {
            errors.add(ApiException.field(field, field + " must be a whole number"));
            return null;
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(ApiException.field(field, field + " must be from " + min + " to " + max));
            return null;
        }
        return d.longValueExact();
    }

    static boolean crossesCustoms(String from, String to) {
        return !from.equals(to) && !(EU.contains(from) && EU.contains(to));
    }

    private static String normalisePostalCode(String code) {
        return code == null ? null : code.replace(" ", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static String money(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    private static String random(int chars) {
        byte[] bytes = new byte[(chars + 1) / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, chars);
    }

    private Map<String, Object> clockJson() {
        return Map.of(
                "now", clock.now().toString(), "offset_seconds", clock.offset().toSeconds());
    }

    private Map<String, Object> configJson() {
        return Map.of(
                "webhook_retry_base_ms",
                retryBase.toMillis(),
                "webhook_max_attempts",
                maxAttempts,
                "slow_ms",
                slow.toMillis());
    }

    private static Map<String, Object> accountJson(Account account) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", account.id);
        a.put("api_key", account.apiKey);
        a.put("webhook_secret", account.webhookSecret);
        a.put("webhook_url", account.webhookUrl);
        return a;
    }

    private Map<String, Object> index() {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("name", "Caravan sandbox carrier");
        i.put("demo_account", accountJson(accounts.get(DEMO_ACCOUNT)));
        i.put("products", List.copyOf(new java.util.TreeSet<>(PRODUCTS.keySet())));
        i.put("label_formats", List.copyOf(new java.util.TreeSet<>(LABEL_FORMATS)));
        i.put("cod_countries", List.copyOf(new java.util.TreeSet<>(COD_COUNTRIES)));
        i.put("config", configJson());
        return i;
    }

    /** Runs the carrier alone: {@code java io.caravan.stack.carrier.SandboxCarrier [port]}. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8290;
        SandboxCarrier carrier = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(carrier::close, "sandbox-carrier-stop"));
        System.out.println("Sandbox carrier on " + carrier.url());
        Thread.currentThread().join();
    }
}
