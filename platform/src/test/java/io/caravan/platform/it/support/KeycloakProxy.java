package io.caravan.platform.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A proxy in front of Keycloak's admin API that fails on cue, so that tests can break onboarding
 * in the middle of its identity steps the way networks do: an answer lost after Keycloak carried
 * the request out, or a request held up while rivals go ahead. The platform under test reaches
 * the admin API only through it ({@code CARAVAN_KEYCLOAK_ADMIN_URL}); tokens for the API and the
 * JWT keys still come from Keycloak directly.
 *
 * <p>One per test JVM, started before Liberty by {@link IntegrationEnvironment}, on
 * {@code caravan.it.keycloak.proxy-port} (18181). Without armed faults it forwards every request
 * unchanged. A fault fires once, on the first request it matches.
 */
public final class KeycloakProxy {
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "content-length",
            "expect",
            "host",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    private static KeycloakProxy instance;

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "keycloak-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient upstream = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    /** Read once: asking {@link KeycloakServer#get()} per request would restart a Keycloak a test stopped. */
    private final String upstreamBase;

    private KeycloakProxy(int port, String upstreamBase) {
        this.upstreamBase = upstreamBase;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " for the Keycloak proxy", e);
        }
        server.setExecutor(workers);
        server.createContext("/", this::forward);
        server.start();
    }

    /** The proxy, listening. */
    public static synchronized KeycloakProxy get() {
        if (instance == null) {
            instance = new KeycloakProxy(
                    Integer.getInteger("caravan.it.keycloak.proxy-port", 18181),
                    KeycloakServer.get().url());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> instance.server.stop(0), "keycloak-proxy-stop"));
        }
        return instance;
    }

    /**
     * The next {@code method} request whose path matches {@code pathRegex} reaches Keycloak and is
     * carried out, but its answer never comes back: the connection is cut.
     */
    public Fault loseAnswer(String method, String pathRegex) {
        return arm(new Fault(method, Pattern.compile(pathRegex), false));
    }

    /**
     * The next {@code method} request whose path matches {@code pathRegex} waits in the proxy,
     * before reaching Keycloak, until {@link Fault#release()}.
     */
    public Fault hold(String method, String pathRegex) {
        return arm(new Fault(method, Pattern.compile(pathRegex), true));
    }

    /** Disarms every fault and lets held requests go. */
    public void reset() {
        for (Fault fault : faults) {
            fault.release();
        }
        faults.clear();
    }

    private Fault arm(Fault fault) {
        faults.add(fault);
        return fault;
    }

    private void forward(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        Fault fault = faults.stream()
                .filter(f -> f.matches(method, path) && f.fire())
                .findFirst()
                .orElse(null);
        if (fault != null && fault.holds) {
            fault.waitForRelease();
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(upstreamBase + exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> answer;
        try {
            answer = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        // Keycloak is down, or this answer is to be lost: the server closes the connection
        // without answering when a handler throws.
        if (fault != null && !fault.holds) {
            fault.fired.countDown();
            throw new IOException("Keycloak proxy: the answer to " + method + " " + path + " is lost on purpose");
        }
        answer.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] bytes = answer.body();
        boolean empty = bytes.length == 0;
        exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : bytes.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /** One armed failure. */
    public static final class Fault {
        private final String method;
        private final Pattern path;
        private final boolean holds;
        private final AtomicBoolean armed = new AtomicBoolean(true);
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final CountDownLatch fired = new CountDownLatch(1);

        private Fault(String method, Pattern path, boolean holds) {
            this.method = method;
            this.path = path;
            this.holds = holds;
        }

        private boolean matches(String requestMethod, String requestPath) {
            return method.equals(requestMethod) && path.matcher(requestPath).matches() && armed.get();
        }

        private boolean fire() {
            if (armed.compareAndSet(true, false)) {
                arrived.countDown();
                return true;
            }
            return false;
        }

        private void waitForRelease() {
            try {
                if (!released.await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a held Keycloak request was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits until a request has matched this fault. */
        public void awaitArrival(Duration timeout) {
            await(arrived, timeout, "no " + method + " " + path + " reached the Keycloak proxy");
        }

        /** Waits until the lost answer has been cut off (for {@link KeycloakProxy#loseAnswer}). */
        public void awaitLoss(Duration timeout) {
            await(fired, timeout, "the answer to " + method + " " + path + " was not cut");
        }

        /** True when a request matched this fault. */
        public boolean hasFired() {
            return !armed.get();
        }

        /** Lets a held request continue to Keycloak. */
        public void release() {
            released.countDown();
        }

        private static void await(CountDownLatch latch, Duration timeout, String failure) {
            try {
                if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError(failure + " within " + timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
