package io.caravan.platform.host.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.caravan.sdk.plugin.EgressDeniedException;
import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.EgressRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Egress against a real HTTP server on loopback: declared hosts only, public addresses only, no
 * redirects, caps. The server counts the requests it got per path, and a bare socket counts the
 * connections it accepted, so "refused before any connection" is checked where it would leave a
 * trace, each time beside a control that the same request, allowed, does reach it.
 */
class DeclaredHostsEgressTest {
    private static final long WAIT_SECONDS = 10;
    private static HttpServer server;
    private static String base;
    private static final HttpClient CLIENT = DeclaredHostsEgress.newClient();
    /** Requests the HTTP server received, per path. */
    private static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>();
    /** A socket that accepts connections, counts them and closes them (it speaks no TLS). */
    private static ServerSocket tcp;

    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    private static int requests(String path) {
        return REQUESTS.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/count", exchange -> {
            REQUESTS.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger())
                    .incrementAndGet();
            byte[] body = "counted".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        tcp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    while (!tcp.isClosed()) {
                        try (Socket socket = tcp.accept()) {
                            CONNECTIONS.incrementAndGet();
                        } catch (IOException closed) {
                            // the test class is done
                        }
                    }
                },
                "egress-test-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        server.createContext("/ok", exchange -> {
            byte[] body = "pong".getBytes();
            exchange.getResponseHeaders().add("X-Probe", "yes");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[1 << 20];
                for (int i = 0; i <= EgressHttp.MAX_RESPONSE_BYTES / chunk.length; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientGaveUp) {
                // the egress client stops reading past the cap
            }
        });
        server.start();
        base = "http://localhost:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop(0);
        tcp.close();
    }

    private static DeclaredHostsEgress egress(Set<String> hosts, boolean allowPrivate, Duration left) {
        return new DeclaredHostsEgress(CLIENT, hosts, Instant.now().plus(left), Clock.systemUTC(), allowPrivate);
    }

    @Test
    void a_declared_host_answers_with_status_headers_and_body() throws IOException {
        var response = egress(Set.of("localhost"), true, Duration.ofSeconds(5))
                .send(EgressRequest.get(URI.create(base + "/ok")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("pong");
        assertThat(response.header("x-probe")).contains("yes");
    }

    @Test
    void a_host_the_plugin_did_not_declare_is_refused_before_any_connection() throws IOException {
        URI uri = URI.create(base + "/count/undeclared");
        assertThatThrownBy(() -> egress(Set.of("api.example.com"), true, Duration.ofSeconds(5))
                        .send(EgressRequest.get(uri)))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining("'localhost' is not among the hosts this plugin declared");
        assertThat(requests("/count/undeclared")).isZero();

        // control: declared, the same request reaches the server
        assertThat(egress(Set.of("localhost"), true, Duration.ofSeconds(5))
                        .send(EgressRequest.get(uri))
                        .status())
                .isEqualTo(200);
        assertThat(requests("/count/undeclared")).isEqualTo(1);
    }

    @Test
    void a_declared_host_that_resolves_to_a_private_address_is_refused_before_any_connection() throws Exception {
        URI uri = URI.create("https://localhost:" + tcp.getLocalPort() + "/private");
        int before = CONNECTIONS.get();
        assertThatThrownBy(() -> egress(Set.of("localhost"), false, Duration.ofSeconds(5))
                        .send(EgressRequest.get(uri)))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining("private address");

        // a connection the refused request made would have been accepted before this marker's (the
        // listen queue is in order, and a client's connect completes before its request goes on)
        try (Socket marker = new Socket(InetAddress.getLoopbackAddress(), tcp.getLocalPort())) {
            assertThat(waitUntil(() -> CONNECTIONS.get() > before)).isTrue();
        }
        assertThat(CONNECTIONS.get() - before)
                .as("the marker's connection only")
                .isEqualTo(1);

        // control: with private addresses allowed the same request connects (and fails the TLS
        // handshake with the bare socket)
        assertThatThrownBy(() ->
                        egress(Set.of("localhost"), true, Duration.ofSeconds(5)).send(EgressRequest.get(uri)))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(EgressDeniedException.class);
        assertThat(waitUntil(() -> CONNECTIONS.get() > before + 1)).isTrue();
    }

    @Test
    void plain_http_is_refused_in_production_mode() throws IOException {
        URI uri = URI.create(base + "/count/plain");
        assertThatThrownBy(() -> egress(Set.of("localhost"), false, Duration.ofSeconds(5))
                        .send(EgressRequest.get(uri)))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining("only https");
        assertThat(requests("/count/plain")).isZero();

        // control: in development mode (private addresses and plain http allowed) it reaches the server
        assertThat(egress(Set.of("localhost"), true, Duration.ofSeconds(5))
                        .send(EgressRequest.get(uri))
                        .status())
                .isEqualTo(200);
        assertThat(requests("/count/plain")).isEqualTo(1);
    }

    @Test
    void redirects_are_returned_not_followed() throws IOException {
        var response = egress(Set.of("localhost"), true, Duration.ofSeconds(5))
                .send(EgressRequest.get(URI.create(base + "/redirect")));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("location")).contains("http://169.254.169.254/latest/meta-data");
    }

    @Test
    void a_response_over_the_cap_fails_instead_of_filling_memory() {
        assertThatThrownBy(() -> egress(Set.of("localhost"), true, Duration.ofSeconds(20))
                        .send(EgressRequest.get(URI.create(base + "/huge"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("larger than " + EgressHttp.MAX_RESPONSE_BYTES);
    }

    @Test
    void no_request_leaves_after_the_call_deadline() throws IOException {
        URI uri = URI.create(base + "/count/late");
        assertThatThrownBy(() ->
                        egress(Set.of("localhost"), true, Duration.ofMillis(-1)).send(EgressRequest.get(uri)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(requests("/count/late")).isZero();

        // control: with time left, the same request reaches the server
        assertThat(egress(Set.of("localhost"), true, Duration.ofSeconds(5))
                        .send(EgressRequest.get(uri))
                        .status())
                .isEqualTo(200);
        assertThat(requests("/count/late")).isEqualTo(1);
    }

    private static DeclaredHostsEgress strictExcept(Set<String> hosts, String namedPrivateHosts) {
        return new DeclaredHostsEgress(
                CLIENT,
                hosts,
                Instant.now().plusSeconds(5),
                Clock.systemUTC(),
                false,
                DeclaredHostsEgress.parseNamedPrivateHosts(namedPrivateHosts));
    }

    @Test
    void a_named_private_host_and_port_is_reached_over_plain_http_on_a_strict_node() throws IOException {
        int port = server.getAddress().getPort();
        URI uri = URI.create("http://localhost:" + port + "/count/named");

        var response = strictExcept(Set.of("localhost"), "db.internal:5432, LocalHost:" + port)
                .send(EgressRequest.get(uri));

        assertThat(response.status()).isEqualTo(200);
        assertThat(requests("/count/named")).isEqualTo(1);
    }

    @Test
    void the_named_host_on_another_port_or_under_another_name_stays_refused_before_any_connection() throws Exception {
        int port = server.getAddress().getPort();
        DeclaredHostsEgress egress = strictExcept(Set.of("localhost", "127.0.0.1"), "localhost:" + port);

        // another port of the same host: plain http refused, and https refused as private
        assertThatThrownBy(() -> egress.send(
                        EgressRequest.get(URI.create("http://localhost:" + tcp.getLocalPort() + "/count/other-port"))))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining("only https");
        int before = CONNECTIONS.get();
        assertThatThrownBy(() -> egress.send(
                        EgressRequest.get(URI.create("https://localhost:" + tcp.getLocalPort() + "/other-port"))))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining("private address");
        // the same server under another name is not the named host
        assertThatThrownBy(() ->
                        egress.send(EgressRequest.get(URI.create("http://127.0.0.1:" + port + "/count/other-name"))))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining("only https");
        assertThat(requests("/count/other-port")).isZero();
        assertThat(requests("/count/other-name")).isZero();
        try (Socket marker = new Socket(InetAddress.getLoopbackAddress(), tcp.getLocalPort())) {
            assertThat(waitUntil(() -> CONNECTIONS.get() > before)).isTrue();
        }
        assertThat(CONNECTIONS.get() - before)
                .as("the marker's connection only")
                .isEqualTo(1);
    }

    @Test
    void a_named_private_host_the_plugin_did_not_declare_is_refused() {
        int port = server.getAddress().getPort();
        URI uri = URI.create("http://localhost:" + port + "/count/named-undeclared");

        assertThatThrownBy(() -> strictExcept(Set.of("api.example.com"), "localhost:" + port)
                        .send(EgressRequest.get(uri)))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining("not among the hosts this plugin declared");
        assertThat(requests("/count/named-undeclared")).isZero();
    }

    @Test
    void the_setting_is_a_comma_list_of_host_and_port_and_a_malformed_entry_fails_naming_it() {
        assertThat(DeclaredHostsEgress.parseNamedPrivateHosts("")).isEmpty();
        assertThat(DeclaredHostsEgress.parseNamedPrivateHosts(null)).isEmpty();
        assertThat(DeclaredHostsEgress.parseNamedPrivateHosts(" 127.0.0.1:8280 , Gateway.Local:443,[::1]:18280,"))
                .containsExactlyInAnyOrder("127.0.0.1:8280", "gateway.local:443", "[::1]:18280");
        for (String bad : java.util.List.of(
                "127.0.0.1", "127.0.0.1:", ":8280", "host:0", "host:70000", "*:8280", "http://127.0.0.1:8280")) {
            assertThatThrownBy(() -> DeclaredHostsEgress.parseNamedPrivateHosts("ok.local:1," + bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    /** Polls a condition, with a pause between polls, until it holds or {@link #WAIT_SECONDS} pass. */
    private static boolean waitUntil(BooleanSupplier condition) throws InterruptedException {
        return io.caravan.platform.testing.Poll.until(
                condition, java.time.Duration.ofSeconds(WAIT_SECONDS), java.time.Duration.ofMillis(10));
    }
}
