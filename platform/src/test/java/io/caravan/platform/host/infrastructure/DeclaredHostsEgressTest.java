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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Egress against a real HTTP server on loopback: declared hosts only, public addresses only, no redirects, caps. */
class DeclaredHostsEgressTest {
    private static HttpServer server;
    private static String base;
    private static final HttpClient CLIENT = DeclaredHostsEgress.newClient();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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
    static void stop() {
        server.stop(0);
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
    void a_host_the_plugin_did_not_declare_is_refused_before_any_connection() {
        assertThatThrownBy(() -> egress(Set.of("api.example.com"), true, Duration.ofSeconds(5))
                        .send(EgressRequest.get(URI.create(base + "/ok"))))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining("'localhost' is not among the hosts this plugin declared");
    }

    @Test
    void a_declared_host_that_resolves_to_a_private_address_is_refused() {
        assertThatThrownBy(() -> egress(Set.of("localhost"), false, Duration.ofSeconds(5))
                        .send(EgressRequest.get(URI.create(
                                "https://localhost:" + server.getAddress().getPort() + "/ok"))))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining("private address");
    }

    @Test
    void plain_http_is_refused_in_production_mode() {
        assertThatThrownBy(() -> egress(Set.of("localhost"), false, Duration.ofSeconds(5))
                        .send(EgressRequest.get(URI.create(base + "/ok"))))
                .isInstanceOf(EgressDeniedException.class)
                .hasMessageContaining("only https");
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
    void no_request_leaves_after_the_call_deadline() {
        assertThatThrownBy(() -> egress(Set.of("localhost"), true, Duration.ofMillis(-1))
                        .send(EgressRequest.get(URI.create(base + "/ok"))))
                .isInstanceOf(HttpTimeoutException.class);
    }
}
