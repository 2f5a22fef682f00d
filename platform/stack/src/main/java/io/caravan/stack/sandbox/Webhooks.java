package io.caravan.stack.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook delivery as providers do it (the sandbox gateway's and the sandbox carrier's): a POST of
 * the event's JSON, signed {@code <header>: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with
 * the account's webhook secret>}, retried on a non-2xx answer or a failed connection with doubling pauses
 * ({@code base}, 2·base, 4·base…) up to {@code maxAttempts}. Each attempt is signed afresh with the
 * current time. Every event and its attempts are kept, so tests can read what was delivered and
 * replay or forge one.
 */
public final class Webhooks {
    /** The gateway's signature header. */
    public static final String SIGNATURE_HEADER = "Sandbox-Signature";

    /** How often and how soon a failed delivery is tried again; read at each attempt. */
    public interface Retries {
        /** The pause after the first failed attempt; each further one doubles it. */
        Duration base();

        /** Attempts in all, the first included. */
        int maxAttempts();

        /** Retries read from settings that may change while the server runs (its test endpoints). */
        static Retries of(java.util.function.Supplier<Duration> base, java.util.function.IntSupplier maxAttempts) {
            return new Retries() {
                @Override
                public Duration base() {
                    return base.get();
                }

                @Override
                public int maxAttempts() {
                    return maxAttempts.getAsInt();
                }
            };
        }
    }

    /** One event and its delivery history. Guarded by its own monitor. */
    public static final class Event {
        public final String id;
        public final String type;
        /** The account it belongs to (its id). */
        public final String accountId;
        /** The account's signing secret. */
        public final String secret;

        public final String url;
        public final String body;
        final List<Map<String, Object>> attempts = new ArrayList<>();
        String firstSignature;
        boolean delivered;

        public Event(String id, String type, String accountId, String secret, String url, String body) {
            this.id = id;
            this.type = type;
            this.accountId = accountId;
            this.secret = secret;
            this.url = url;
            this.body = body;
        }

        /** Whether an attempt got a 2xx answer. */
        public synchronized boolean delivered() {
            return delivered;
        }

        public synchronized Map<String, Object> toJson() {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", id);
            e.put("type", type);
            e.put("account", accountId);
            e.put("url", url);
            e.put("delivered", delivered);
            e.put("attempts", List.copyOf(attempts));
            e.put("body", Json.parse(body));
            return e;
        }
    }

    /** What the receiver answered to one synchronous send (a replay or a forgery). */
    public record Answer(int status, String body) {
        public Map<String, Object> toJson() {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("status", status);
            a.put("body", body);
            return a;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ScheduledExecutorService scheduler;
    private final Retries retries;
    private final String signatureHeader;
    private final String eventIdHeader;

    /**
     * @param signatureHeader the header the signature travels in ({@link #SIGNATURE_HEADER} for the gateway)
     * @param eventIdHeader   the header naming the event's id
     */
    public Webhooks(ScheduledExecutorService scheduler, Retries retries, String signatureHeader, String eventIdHeader) {
        this.scheduler = scheduler;
        this.retries = retries;
        this.signatureHeader = signatureHeader;
        this.eventIdHeader = eventIdHeader;
    }

    /** Schedules the first attempt at once; no URL means the account takes no webhooks. */
    public void deliver(Event event) {
        if (event.url == null || event.url.isBlank()) {
            return;
        }
        schedule(event, 1, Duration.ZERO);
    }

    private void schedule(Event event, int attempt, Duration delay) {
        try {
            scheduler.schedule(() -> attempt(event, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // the gateway is stopping: undelivered events stay undelivered, as at a real provider's outage
        }
    }

    private void attempt(Event event, int attempt) {
        long t = Instant.now().getEpochSecond();
        String signature = sign(event.secret, t, event.body);
        synchronized (event) {
            if (event.firstSignature == null) {
                event.firstSignature = signature;
            }
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attempt", attempt);
        record.put("at", Instant.now().toString());
        boolean ok;
        try {
            Answer answer = send(event.url, event.body, signature, event.id);
            record.put("status", answer.status());
            ok = answer.status() / 100 == 2;
        } catch (IOException e) {
            record.put("error", String.valueOf(e.getMessage()));
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (event) {
            event.attempts.add(record);
            event.delivered |= ok;
        }
        if (!ok && attempt < retries.maxAttempts()) {
            Duration pause = retries.base().multipliedBy(1L << (attempt - 1));
            schedule(event, attempt + 1, pause);
        }
    }

    /** Sends the event once more exactly as it was first sent: the same bytes, the same signature. */
    public Answer replay(Event event) throws IOException, InterruptedException {
        String signature;
        synchronized (event) {
            signature = event.firstSignature != null
                    ? event.firstSignature
                    : sign(event.secret, Instant.now().getEpochSecond(), event.body);
        }
        return send(event.url, event.body, signature, event.id);
    }

    /** Sends a body with a signature header as given (null: no header), for forged-webhook tests. */
    public Answer sendRaw(String url, String body, String signature, String eventId)
            throws IOException, InterruptedException {
        return send(url, body, signature, eventId);
    }

    private Answer send(String url, String body, String signature, String eventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(eventIdHeader, eventId)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header(signatureHeader, signature);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** {@code t=<t>,v1=<hex HMAC-SHA256("t.body", secret)>}. */
    public static String sign(String secret, long t, String body) {
        return "t=" + t + ",v1=" + hmac(secret, t + "." + body);
    }

    public static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
