package io.caravan.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.EgressRequest;
import io.caravan.sdk.plugin.EgressResponse;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginLogger;
import io.caravan.sdk.plugin.PluginStorage;
import io.caravan.sdk.plugin.PluginUnavailableException;
import io.caravan.sdk.plugin.StorageLimitExceededException;
import io.caravan.sdk.plugin.StoredValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The host's objects come from another class loader here (as the web application's classes do in
 * the server): every part of a sealed context is of a class this runtime or the JDK defines.
 */
class SealedPluginContextTest {
    private static final ClassLoader RUNTIME = SealedPluginContext.class.getClassLoader();

    /** Defines the named classes itself (as the web application does), delegating the rest. */
    static final class HostLoader extends ClassLoader {
        private final Set<String> names;

        HostLoader(Set<String> names) {
            super(SealedPluginContextTest.class.getClassLoader());
            this.names = names;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!names.contains(name)) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    public static final class HostFailure extends RuntimeException {
        public HostFailure() {
            super("host internals: jdbc:postgresql://db/secret");
        }
    }

    public static final class HostStorage implements PluginStorage {
        @Override
        public Optional<StoredValue> get(String key) {
            return Optional.of(new StoredValue(new byte[] {1}, 1, null));
        }

        @Override
        public long put(String key, byte[] value) {
            throw new StorageLimitExceededException("full");
        }

        @Override
        public long put(String key, byte[] value, Duration timeToLive) {
            throw new HostFailure();
        }

        @Override
        public OptionalLong compareAndSet(String key, long expectedVersion, byte[] value) {
            throw new PluginUnavailableException("later", Duration.ofSeconds(5), new HostFailure());
        }

        @Override
        public OptionalLong compareAndSet(String key, long expectedVersion, byte[] value, Duration timeToLive) {
            return OptionalLong.empty();
        }

        @Override
        public boolean delete(String key) {
            return true;
        }

        @Override
        public List<String> keys(String prefix, int limit) {
            return List.of("a");
        }
    }

    public static final class HostEgress implements EgressHttp {
        @Override
        public EgressResponse send(EgressRequest request) throws IOException {
            throw new HostFailure();
        }
    }

    public static final class HostClock extends Clock {
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
            return Instant.parse("2026-11-23T10:00:00Z");
        }
    }

    public static final class HostContext implements PluginContext {
        private final ClassLoader loader;

        public HostContext(ClassLoader loader) {
            this.loader = loader;
        }

        private Object host(Class<?> type) {
            try {
                return loader.loadClass(type.getName()).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String storeSlug() {
            return "lisbon";
        }

        @Override
        public PluginConfiguration configuration() {
            return JsonPluginConfiguration.parse("{\"mode\":\"ok\"}", Set.of());
        }

        @Override
        public PluginStorage storage() {
            return (PluginStorage) host(HostStorage.class);
        }

        @Override
        public EgressHttp http() {
            return (EgressHttp) host(HostEgress.class);
        }

        @Override
        public Clock clock() {
            return (Clock) host(HostClock.class);
        }

        @Override
        public PluginLogger logger() {
            return new TaggedPluginLogger("p", "[p] ");
        }

        @Override
        public Instant deadline() {
            return Instant.parse("2026-11-23T10:00:05Z");
        }

        @Override
        public Locale locale() {
            return Locale.ROOT;
        }
    }

    private static PluginContext hostContext() throws Exception {
        HostLoader loader = new HostLoader(Set.of(
                HostContext.class.getName(),
                HostStorage.class.getName(),
                HostEgress.class.getName(),
                HostClock.class.getName(),
                HostFailure.class.getName()));
        PluginContext context = (PluginContext) loader.loadClass(HostContext.class.getName())
                .getConstructor(ClassLoader.class)
                .newInstance(loader);
        assertThat(context.getClass().getClassLoader()).isSameAs(loader);
        assertThat(context.storage().getClass().getClassLoader()).isSameAs(loader);
        return context;
    }

    private static void fromRuntimeOrJdk(Object object) {
        ClassLoader loader = object.getClass().getClassLoader();
        assertThat(loader == null || loader == RUNTIME)
                .as(object.getClass() + " is the runtime's or the JDK's")
                .isTrue();
    }

    @Test
    void every_part_of_a_sealed_context_is_of_a_runtime_or_jdk_class() throws Exception {
        PluginContext sealed = SealedPluginContext.of(hostContext());

        fromRuntimeOrJdk(sealed);
        fromRuntimeOrJdk(sealed.configuration());
        fromRuntimeOrJdk(sealed.storage());
        fromRuntimeOrJdk(sealed.http());
        fromRuntimeOrJdk(sealed.clock());
        fromRuntimeOrJdk(sealed.clock().withZone(ZoneOffset.UTC));
        fromRuntimeOrJdk(sealed.logger());
        assertThat(SealedPluginContext.of(sealed)).isSameAs(sealed);
    }

    @Test
    void the_parts_still_answer_as_the_host_does() throws Exception {
        PluginContext sealed = SealedPluginContext.of(hostContext());

        assertThat(sealed.storeSlug()).isEqualTo("lisbon");
        assertThat(sealed.clock().instant()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(sealed.deadline()).isEqualTo(Instant.parse("2026-11-23T10:00:05Z"));
        assertThat(sealed.storage().get("k"))
                .get()
                .extracting(StoredValue::version)
                .isEqualTo(1L);
        assertThat(sealed.storage().keys("", 10)).containsExactly("a");
        assertThat(sealed.configuration().string("/mode")).contains("ok");
    }

    @Test
    void sdk_exceptions_pass_and_host_exceptions_become_sdk_ones_without_their_cause() throws Exception {
        PluginStorage storage = SealedPluginContext.of(hostContext()).storage();

        assertThatThrownBy(() -> storage.put("k", new byte[] {1}))
                .isExactlyInstanceOf(StorageLimitExceededException.class)
                .hasMessage("full");
        assertThatThrownBy(() -> storage.put("k", new byte[] {1}, Duration.ofMinutes(1)))
                .isExactlyInstanceOf(PluginUnavailableException.class)
                .hasMessage("the platform could not complete the operation")
                .hasNoCause();
        assertThatThrownBy(() -> storage.compareAndSet("k", 1, new byte[] {1}))
                .isExactlyInstanceOf(PluginUnavailableException.class)
                .hasMessage("later")
                .hasNoCause()
                .satisfies(e -> assertThat(((PluginUnavailableException) e).retryAfter())
                        .isEqualTo(Duration.ofSeconds(5)));
        EgressHttp http = SealedPluginContext.of(hostContext()).http();
        assertThatThrownBy(() -> http.send(null))
                .isExactlyInstanceOf(PluginUnavailableException.class)
                .hasNoCause();
    }
}
