package io.caravan.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.sdk.plugin.EgressDeniedException;
import io.caravan.sdk.plugin.EgressRequest;
import io.caravan.sdk.plugin.EgressResponse;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginStorage;
import io.caravan.sdk.plugin.Secret;
import io.caravan.sdk.plugin.StorageLimitExceededException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TestPluginContextTest {

    @Nested
    class Configuration {
        private final TestPluginContext ctx = TestPluginContext.builder()
                .configuration("""
                        {"name": "shop", "count": 3, "big": 12345678901234567890, "rate": 0.1,
                         "on": true, "nothing": null, "tags": ["a", "b"],
                         "feed": {"enabled": false, "apiKey": "k-123"},
                         "items": [{"id": "x"}, {"id": "y"}]}""")
                .secrets("/feed/apiKey")
                .build();
        private final PluginConfiguration c = ctx.configuration();

        @Test
        void readsEachTypeByPointer() {
            assertThat(c.string("/name")).contains("shop");
            assertThat(c.integer("/count")).hasValue(3);
            assertThat(c.decimal("/rate")).contains(new BigDecimal("0.1"));
            assertThat(c.bool("/on")).contains(true);
            assertThat(c.bool("/feed/enabled")).contains(false);
            assertThat(c.strings("/tags")).containsExactly("a", "b");
            assertThat(c.objects("/items"))
                    .extracting(o -> o.string("/id").orElseThrow())
                    .containsExactly("x", "y");
        }

        @Test
        void absentAndNullReadAsEmptyButNullIsPresent() {
            assertThat(c.has("/nothing")).isTrue();
            assertThat(c.has("/missing")).isFalse();
            assertThat(c.string("/nothing")).isEmpty();
            assertThat(c.string("/missing")).isEmpty();
            assertThat(c.integer("/missing")).isEmpty();
            assertThat(c.strings("/missing")).isEmpty();
            assertThat(c.object("/missing")).isEmpty();
            assertThat(c.has("/missing/deeper/still")).isFalse();
            assertThat(c.bool("/missing/deeper")).isEmpty();
            assertThat(c.string("/name/below-a-string")).isEmpty();
            assertThat(c.string("/items/1/id")).contains("y");
            assertThat(c.string("/items/7/id")).isEmpty();
        }

        @Test
        void wrongTypesThrowIllegalState() {
            assertThatThrownBy(() -> c.integer("/name")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.integer("/rate")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.integer("/big")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.string("/count")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.bool("/name")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.object("/tags")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.objects("/tags")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.strings("/items")).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void secretsOnlyThroughSecretAndOnlyDeclaredOnes() {
            assertThat(c.secret("/feed/apiKey")).contains(Secret.of("k-123"));
            assertThatThrownBy(() -> c.string("/feed/apiKey")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.secret("/name")).isInstanceOf(IllegalStateException.class);
            PluginConfiguration feed = c.object("/feed").orElseThrow();
            assertThatThrownBy(() -> feed.string("/apiKey")).isInstanceOf(IllegalStateException.class);
            assertThat(feed.secret("/apiKey").map(Secret::reveal)).contains("k-123");
        }

        @Test
        void rejectsNonObjectDocumentsAndBadPointers() {
            assertThatThrownBy(() -> TestPluginContext.withConfiguration("[1]"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TestPluginContext.withConfiguration("{"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> c.string("name")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Storage {
        private final InMemoryPluginStorage s =
                TestPluginContext.builder().build().storage();

        private static byte[] b(String v) {
            return v.getBytes(StandardCharsets.UTF_8);
        }

        @Test
        void versionsGrowAndCompareAndSetWinsOnce() {
            assertThat(s.compareAndSet("seen/e1", 0, b("1"))).isPresent();
            assertThat(s.compareAndSet("seen/e1", 0, b("1"))).isEmpty();
            long v1 = s.get("seen/e1").orElseThrow().version();
            long v2 = s.put("seen/e1", b("2"));
            assertThat(v2).isGreaterThan(v1);
            assertThat(s.compareAndSet("seen/e1", v1, b("3"))).isEmpty();
            assertThat(s.compareAndSet("seen/e1", v2, b("3"))).isPresent();
            assertThat(s.get("seen/e1").orElseThrow().asString()).isEqualTo("3");
            assertThat(s.delete("seen/e1")).isTrue();
            assertThat(s.delete("seen/e1")).isFalse();
        }

        @Test
        void enforcesKeysAndLimits() {
            assertThatThrownBy(() -> s.get("bad key")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.get("x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.put("k", new byte[PluginStorage.MAX_VALUE_BYTES + 1]))
                    .isInstanceOf(StorageLimitExceededException.class);
            s.put("k", new byte[PluginStorage.MAX_VALUE_BYTES]);
            assertThatThrownBy(() -> s.compareAndSet("k", -1, b("x"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.put("k", b("x"), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.keys("", 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.keys("", PluginStorage.MAX_KEYS_PER_CALL + 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void enforcesEntryAndTotalQuotas() {
            for (int i = 0; i < PluginStorage.MAX_ENTRIES; i++) {
                s.put("k" + i, new byte[0]);
            }
            assertThatThrownBy(() -> s.put("one-more", new byte[0])).isInstanceOf(StorageLimitExceededException.class);
            s.put("k0", b("overwrite is fine"));

            InMemoryPluginStorage t = TestPluginContext.builder().build().storage();
            int n = (int) (PluginStorage.MAX_TOTAL_BYTES / PluginStorage.MAX_VALUE_BYTES);
            for (int i = 0; i < n; i++) {
                t.put("v" + i, new byte[PluginStorage.MAX_VALUE_BYTES]);
            }
            assertThatThrownBy(() -> t.put("extra", new byte[1])).isInstanceOf(StorageLimitExceededException.class);
        }

        @Test
        void expiresOnTheClockAndListsKeysInOrder() {
            MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
            InMemoryPluginStorage st = new InMemoryPluginStorage(clock);
            st.put("b/2", b("x"));
            st.put("a/1", b("x"), Duration.ofMinutes(5));
            st.put("b/1", b("x"));
            st.put("c", b("x"));
            assertThat(st.keys("", 10)).containsExactly("a/1", "b/1", "b/2", "c");
            assertThat(st.keys("b/", 1)).containsExactly("b/1");
            clock.now = clock.now.plus(Duration.ofMinutes(5));
            assertThat(st.get("a/1")).isEmpty();
            assertThat(st.keys("", 10)).containsExactly("b/1", "b/2", "c");
            assertThat(st.compareAndSet("a/1", 0, b("again"))).isPresent();
        }
    }

    @Nested
    class Egress {
        @Test
        void refusesEveryHostByDefault() {
            TestPluginContext ctx = TestPluginContext.builder().build();
            EgressRequest req = EgressRequest.get(URI.create("https://api.example.com/rates"));
            assertThatThrownBy(() -> ctx.http().send(req)).isInstanceOf(EgressDeniedException.class);
            assertThat(ctx.refusedRequests()).containsExactly(req);
        }

        @Test
        void allowedHostsReachTheStubAndOthersAreRefused() throws IOException {
            TestPluginContext ctx = TestPluginContext.builder()
                    .allowHosts("api.example.com")
                    .egress(r -> new EgressResponse(200, Map.of(), "ok".getBytes(StandardCharsets.UTF_8)))
                    .build();
            assertThat(ctx.http()
                            .send(EgressRequest.get(URI.create("https://api.example.com/x")))
                            .bodyAsString())
                    .isEqualTo("ok");
            assertThatThrownBy(() -> ctx.http().send(EgressRequest.get(URI.create("https://evil.example.com/x"))))
                    .isInstanceOf(EgressDeniedException.class);
            assertThat(ctx.sentRequests()).hasSize(1);
        }

        @Test
        void allowedHostWithoutStubFailsWithIoException() {
            TestPluginContext ctx =
                    TestPluginContext.builder().allowHosts("api.example.com").build();
            assertThatThrownBy(() -> ctx.http().send(EgressRequest.get(URI.create("https://api.example.com/x"))))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void defaultsAndLogger() {
        TestPluginContext ctx = TestPluginContext.builder().storeSlug("demo-eu").build();
        assertThat(ctx.storeSlug()).isEqualTo("demo-eu");
        assertThat(ctx.clock().instant()).isEqualTo(TestPluginContext.DEFAULT_NOW);
        assertThat(ctx.deadline()).isEqualTo(TestPluginContext.DEFAULT_NOW.plusSeconds(1));
        ctx.logger().info("hello");
        ctx.logger().warn("careful", new IllegalStateException("boom"));
        ctx.logger().debug("detail");
        assertThat(ctx.logLines())
                .containsExactly("INFO hello", "WARN careful | java.lang.IllegalStateException: boom", "DEBUG detail");
    }

    @Test
    void theSecretsTheDescriptorOnTheClassPathDeclaresAreReadableWithoutListingThem() {
        // src/test/resources/OSGI-INF/caravan-plugin.json declares /credentials/apiKey secret, as a plugin's own would
        TestPluginContext ctx = TestPluginContext.withConfiguration("{\"credentials\": {\"apiKey\": \"sk_test_1\"}}");
        assertThat(ctx.configuration().secret("/credentials/apiKey"))
                .hasValueSatisfying(secret -> assertThat(secret.reveal()).isEqualTo("sk_test_1"));
        assertThatThrownBy(() -> ctx.configuration().string("/credentials/apiKey"))
                .isInstanceOf(IllegalStateException.class);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
