package io.caravan.stack.gateway;

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
 * Webhook delivery as acquirers do it: a POST of the event's JSON, signed
 * {@code Sandbox-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the account's
 * webhook secret>}, retried on a non-2xx answer or a failed connection with doubling pauses
 * ({@code base}, 2·base, 4·base…) up to {@code maxAttempts}. Each attempt is signed afresh with the
 * current time. Every event and its attempts are kept, so tests can read what was delivered and
 * replay or forge one.
 */
final class Webhooks {
    static final String SIGNATURE_HEADER = "Sandbox-Signature";

    /** One event and its delivery history. Guarded by its own monitor. */
    static final class Event {
        final String id;
        final String type;
        final MerchantAccount account;
        final String url;
        final String body;
        final List<Map<String, Object>> attempts = new ArrayList<>();
        String firstSignature;
        boolean delivered;

        Event(String id, String type, MerchantAccount account, String url, String body) {
            this.id = id;
            this.type = type;
            this.account = account;
            this.url = url;
            this.body = body;
        }

        synchronized Map<String, Object> toJson() {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", id);
            e.put("type", type);
            e.put("account", account.id());
            e.put("url", url);
            e.put("delivered", delivered);
            e.put("attempts", List.copyOf(attempts));
            e.put("body", Json.parse(body));
            return e;
        }
    }

    /** What the receiver answered to one synchronous send (a replay or a forgery). */
    record Answer(int status, String body) {
        Map<String, Object> toJson() {
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
    private final GatewaySettings settings;

    Webhooks(ScheduledExecutorService scheduler, GatewaySettings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    /** Schedules the first attempt at once; no URL means the account takes no webhooks. */
    void deliver(Event event) {
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
        String signature = sign(event.account.webhookSecret(), t, event.body);
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
        if (!ok && attempt < settings.webhookMaxAttempts()) {
            Duration pause = settings.webhookRetryBase().multipliedBy(1L << (attempt - 1));
            schedule(event, attempt + 1, pause);
        }
    }

    /** Sends the event once more exactly as it was first sent: the same bytes, the same signature. */
    Answer replay(Event event) throws IOException, InterruptedException {
        String signature;
        synchronized (event) {
            signature = event.firstSignature != null
                    ? event.firstSignature
                    : sign(event.account.webhookSecret(), Instant.now().getEpochSecond(), event.body);
        }
        return send(event.url, event.body, signature, event.id);
    }

    /** Sends a body with a signature header as given (null: no header), for forged-webhook tests. */
    Answer sendRaw(String url, String body, String signature, String eventId) throws IOException, InterruptedException {
        return send(url, body, signature, eventId);
    }

    private Answer send(String url, String body, String signature, String eventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Sandbox-Event-Id", eventId)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header(SIGNATURE_HEADER, signature);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** {@code t=<t>,v1=<hex HMAC-SHA256("t.body", secret)>}. */
    static String sign(String secret, long t, String body) {
        return "t=" + t + ",v1=" + hmac(secret, t + "." + body);
    }

    static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
