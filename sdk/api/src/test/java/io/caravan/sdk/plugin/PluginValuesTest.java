package io.caravan.sdk.plugin;

import static io.caravan.sdk.Fixtures.NOW;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PluginValuesTest {

    private static final URI API = URI.create("https://api.example.com/v1/quotes");

    @Nested
    class EgressRequests {
        @ParameterizedTest
        @ValueSource(strings = {"get", "CONNECT", "TRACE", "OPTIONS", ""})
        void refusesOtherMethods(String method) {
            assertInvalid(
                    () -> new EgressRequest(method, API, Map.of(), null, null), "EgressRequest.method must be one of");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/v1/quotes", "ftp://api.example.com/", "file:///etc/passwd", "mailto:a@b.c"})
        void refusesUrisThatAreNotAbsoluteHttp(String uri) {
            assertInvalid(
                    () -> EgressRequest.get(URI.create(uri)), "EgressRequest.uri must be an absolute http(s) URI");
        }

        @Test
        void refusesCredentialsInTheUri() {
            assertInvalid(
                    () -> EgressRequest.get(URI.create("https://user:pw@api.example.com/")),
                    "EgressRequest.uri must not carry user info");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Host", "content-length", "Connection", "Transfer-Encoding"})
        void refusesTransportHeaders(String name) {
            assertInvalid(() -> EgressRequest.get(API).withHeader(name, "x"), "EgressRequest.headers must not set");
        }

        @Test
        void refusesNonPositiveTimeouts() {
            assertInvalid(
                    () -> EgressRequest.get(API).withTimeout(Duration.ZERO), "EgressRequest.timeout must be positive");
            assertInvalid(() -> EgressRequest.get(API).withTimeout(Duration.ofSeconds(-1)), "EgressRequest.timeout");
        }

        @Test
        void headersAreLowerCasedAndAccumulate() {
            EgressRequest r = EgressRequest.post(API, "application/json", "{}")
                    .withHeader("X-Api-Key", "a")
                    .withHeader("x-api-key", "b");
            assertThat(r.headers())
                    .containsEntry("x-api-key", List.of("a", "b"))
                    .containsEntry("content-type", List.of("application/json"));
        }

        @Test
        void bodyIsCopiedInAndOut() {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            EgressRequest r = new EgressRequest("POST", API, null, body, null);
            body[0] = 'X';
            r.body()[1] = 'X';
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
            assertThat(r)
                    .isEqualTo(new EgressRequest("POST", API, Map.of(), "{}".getBytes(StandardCharsets.UTF_8), null));
            assertThat(EgressRequest.get(API).body()).isEmpty();
        }

        @Test
        void toStringShowsNoHeaders() {
            assertThat(EgressRequest.get(API)
                            .withHeader("authorization", "Bearer secret")
                            .toString())
                    .doesNotContain("secret")
                    .contains("GET https://api.example.com/v1/quotes");
        }
    }

    @Nested
    class EgressResponses {
        @ParameterizedTest
        @ValueSource(ints = {99, 600, 0, -1})
        void statusIsAnHttpStatus(int status) {
            assertInvalid(() -> new EgressResponse(status, Map.of(), null), "EgressResponse.status must be 100 to 599");
        }

        @Test
        void headerLookupIgnoresCaseAndBodyDecodesAsUtf8() {
            EgressResponse r = new EgressResponse(
                    201,
                    Map.of("Content-Type", List.of("application/json")),
                    "{\"ok\":\"ü\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(r.isSuccessful()).isTrue();
            assertThat(r.header("CONTENT-TYPE")).contains("application/json");
            assertThat(r.header("etag")).isEmpty();
            assertThat(r.bodyAsString()).isEqualTo("{\"ok\":\"ü\"}");
            assertThat(new EgressResponse(302, null, null).isSuccessful()).isFalse();
        }
    }

    @Nested
    class StorageValues {
        @Test
        void versionStartsAtOne() {
            assertInvalid(() -> new StoredValue(new byte[0], 0, null), "StoredValue.version must be > 0");
            assertInvalid(() -> new StoredValue(null, 1, null), "StoredValue.value is required");
        }

        @Test
        void valueIsCopiedAndComparedByContent() {
            byte[] bytes = "42".getBytes(StandardCharsets.UTF_8);
            StoredValue v = new StoredValue(bytes, 3, NOW);
            bytes[0] = 'X';
            assertThat(v.asString()).isEqualTo("42");
            assertThat(v)
                    .isEqualTo(new StoredValue("42".getBytes(StandardCharsets.UTF_8), 3, NOW))
                    .hasSameHashCodeAs(new StoredValue("42".getBytes(StandardCharsets.UTF_8), 3, NOW));
            assertThat(v.toString()).doesNotContain("42 ").contains("2 bytes");
        }

        @Test
        void keyPatternMatchesTheDocumentedAlphabet() {
            assertThat("seen/evt_123:a-b.c").matches(PluginStorage.KEY_PATTERN);
            assertThat("has space").doesNotMatch(PluginStorage.KEY_PATTERN);
            assertThat("k".repeat(201)).doesNotMatch(PluginStorage.KEY_PATTERN);
        }
    }

    @Nested
    class Secrets {
        @Test
        void neverPrintsTheValue() {
            Secret s = Secret.of("sk_live_123");
            assertThat(s).hasToString("Secret[***]");
            assertThat(s.reveal()).isEqualTo("sk_live_123");
            assertThat(s).isEqualTo(Secret.of("sk_live_123"));
            assertInvalid(() -> Secret.of(""), "Secret.value must not be empty");
            assertInvalid(() -> Secret.of(null), "Secret.value must not be empty");
        }
    }

    @Nested
    class Health {
        @Test
        void onlyUpMayComeWithoutDetail() {
            assertThat(HealthReport.up().status()).isEqualTo(HealthStatus.UP);
            assertInvalid(() -> new HealthReport(HealthStatus.DOWN, null), "HealthReport.detail is required");
            assertInvalid(() -> new HealthReport(HealthStatus.DEGRADED, " "), "HealthReport.detail must not be blank");
            assertInvalid(() -> new HealthReport(null, null), "HealthReport.status is required");
            assertThat(HealthReport.down("API key refused").detail()).isEqualTo("API key refused");
        }
    }

    @Nested
    class Exceptions {
        @ParameterizedTest
        @ValueSource(strings = {"card_declined", "insufficient_points", "not_eligible", "x1"})
        void rejectionCodesAreLowerSnakeCase(String code) {
            PluginRejectedException e = new PluginRejectedException(code, "Your card was declined.");
            assertThat(e.code()).isEqualTo(code);
            assertThat(e).isInstanceOf(PluginException.class).hasMessage("Your card was declined.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"CardDeclined", "card-declined", "_x", "x_", "1x", ""})
        void refusesOtherCodes(String code) {
            assertInvalid(() -> new PluginRejectedException(code, "m"), "PluginRejectedException.code");
        }

        @Test
        void rejectionNeedsAMessage() {
            assertInvalid(
                    () -> new PluginRejectedException("card_declined", " "),
                    "PluginRejectedException.message must not be blank");
        }

        @Test
        void unavailabilityCarriesRetryAfter() {
            assertThat(new PluginUnavailableException("rate limited", Duration.ofSeconds(30), null).retryAfter())
                    .isEqualTo(Duration.ofSeconds(30));
        }
    }
}
