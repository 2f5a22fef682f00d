package io.caravan.runtime;

import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.EgressRequest;
import io.caravan.sdk.plugin.EgressResponse;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginException;
import io.caravan.sdk.plugin.PluginLogger;
import io.caravan.sdk.plugin.PluginStorage;
import io.caravan.sdk.plugin.PluginUnavailableException;
import io.caravan.sdk.plugin.Secret;
import io.caravan.sdk.plugin.StoredValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The context a plugin is handed, made of classes that cannot lead it to the host's.
 *
 * <p>In the server the SDK, this runtime and Felix live in a shared library with a class loader of
 * their own, which cannot see the web application (README.md, "Class loading"). A host object
 * handed to a plugin as is would undo that: {@code context.getClass().getClassLoader()} would be the
 * web application's, and {@code loadClass} would reach every platform class. So every object a
 * plugin receives from its context is of a class defined here, or of the JDK, or one this runtime
 * already defines (its configuration view, its tagged logger): the host's storage, egress and clock
 * are wrapped in small final classes that delegate through the SDK interfaces, and exceptions the
 * host throws through them reach the plugin only when their classes (and causes) are the JDK's or
 * the SDK's.
 *
 * <p>What this does not do: a wrapper holds its delegate, so code that reflects on private fields
 * ({@code setAccessible}) can still walk to a host object. Keeping plugins from reflection is the
 * upload check's job; this keeps the ordinary route ({@code getClass().getClassLoader()}) closed.
 */
public final class SealedPluginContext implements PluginContext {
    private final String storeSlug;
    private final PluginConfiguration configuration;
    private final PluginStorage storage;
    private final EgressHttp http;
    private final Clock clock;
    private final PluginLogger logger;
    private final Instant deadline;
    private final Locale locale;

    private SealedPluginContext(PluginContext context) {
        // Read once, so that this object holds no reference to the host's context.
        this.storeSlug = context.storeSlug();
        this.configuration = configuration(context.configuration());
        this.storage = storage(context.storage());
        this.http = egress(context.http());
        this.clock = clock(context.clock());
        this.logger = logger(context.logger());
        this.deadline = context.deadline();
        this.locale = context.locale();
    }

    /**
     * The context to hand a plugin.
     *
     * @param context the host's context for the call
     * @return a context whose every part is of a class that cannot lead to the host; {@code context}
     *         itself when it already is one
     */
    public static PluginContext of(PluginContext context) {
        Objects.requireNonNull(context, "context");
        return context instanceof SealedPluginContext sealed ? sealed : new SealedPluginContext(context);
    }

    /**
     * Whether an object may be handed to a plugin as it is: its class is the JDK's, or was defined
     * by the loader that defined the SDK and this runtime.
     *
     * @param object the object; null is harmless
     * @return whether its class loader is the bootstrap or platform loader, or this runtime's
     */
    public static boolean harmless(Object object) {
        return object == null || harmlessClass(object.getClass());
    }

    private static boolean harmlessClass(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null
                || loader == ClassLoader.getPlatformClassLoader()
                || loader == SealedPluginContext.class.getClassLoader();
    }

    /**
     * The host's storage behind a class of this runtime.
     *
     * @param storage the host's storage
     * @return a wrapper, or {@code storage} when it is harmless already
     */
    public static PluginStorage storage(PluginStorage storage) {
        return storage == null || harmless(storage) ? storage : new Storage(storage);
    }

    /**
     * The host's egress behind a class of this runtime.
     *
     * @param http the host's egress
     * @return a wrapper, or {@code http} when it is harmless already
     */
    public static EgressHttp egress(EgressHttp http) {
        return http == null || harmless(http) ? http : new Egress(http);
    }

    /**
     * The host's clock behind a class of this runtime (the container's clock is a proxy of its own class).
     *
     * @param clock the host's clock
     * @return a wrapper, or {@code clock} when it is harmless already
     */
    public static Clock clock(Clock clock) {
        return clock == null || harmless(clock) ? clock : new SealedClock(clock);
    }

    /**
     * A logger behind a class of this runtime.
     *
     * @param logger the host's logger
     * @return a wrapper, or {@code logger} when it is harmless already
     */
    public static PluginLogger logger(PluginLogger logger) {
        return logger == null || harmless(logger) ? logger : new Logger(logger);
    }

    /**
     * A configuration behind a class of this runtime.
     *
     * @param configuration the host's configuration view
     * @return a wrapper, or {@code configuration} when it is harmless already
     */
    public static PluginConfiguration configuration(PluginConfiguration configuration) {
        return configuration == null || harmless(configuration) ? configuration : new Configuration(configuration);
    }

    /** An exception from the host as the plugin may see it: as is when harmless, else a plain SDK one. */
    private static RuntimeException seal(RuntimeException e) {
        if (harmlessChain(e)) {
            return e;
        }
        Duration retryAfter = e instanceof PluginUnavailableException u ? u.retryAfter() : null;
        return new PluginUnavailableException(
                e instanceof PluginException && e.getMessage() != null
                        ? e.getMessage()
                        : "the platform could not complete the operation",
                retryAfter,
                null);
    }

    private static IOException seal(IOException e) {
        return harmlessChain(e) ? e : new IOException(e.getMessage());
    }

    private static boolean harmlessChain(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 16; t = t.getCause(), depth++) {
            if (!harmlessClass(t.getClass())) {
                return false;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (!harmlessChain(suppressed)) {
                    return false;
                }
            }
        }
        return depth < 16;
    }

    @Override
    public String storeSlug() {
        return storeSlug;
    }

    @Override
    public PluginConfiguration configuration() {
        return configuration;
    }

    @Override
    public PluginStorage storage() {
        return storage;
    }

    @Override
    public EgressHttp http() {
        return http;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public PluginLogger logger() {
        return logger;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public Locale locale() {
        return locale;
    }

    private static final class Storage implements PluginStorage {
        private final PluginStorage delegate;

        Storage(PluginStorage delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<StoredValue> get(String key) {
            try {
                return delegate.get(key).map(Storage::check);
            } catch (RuntimeException e) {
                throw seal(e);
            }
        }

        @Override
        public long put(String key, byte[] value) {
            try {
                return delegate.put(key, value);
            } catch (RuntimeException e) {
                throw seal(e);
            }
        }

        @Override
        public long put(String key, byte[] value, Duration timeToLive) {
            try {
                return delegate.put(key, value, timeToLive);
            } catch (RuntimeException e) {
                throw seal(e);
            }
        }

        @Override
        public OptionalLong compareAndSet(String key, long expectedVersion, byte[] value) {
            try {
                return delegate.compareAndSet(key, expectedVersion, value);
            } catch (RuntimeException e) {
                throw seal(e);
            }
        }

        @Override
        public OptionalLong compareAndSet(String key, long expectedVersion, byte[] value, Duration timeToLive) {
            try {
                return delegate.compareAndSet(key, expectedVersion, value, timeToLive);
            } catch (RuntimeException e) {
                throw seal(e);
            }
        }

        @Override
        public boolean delete(String key) {
            try {
                return delegate.delete(key);
            } catch (RuntimeException e) {
                throw seal(e);
            }
        }

        @Override
        public List<String> keys(String prefix, int limit) {
            try {
                return List.copyOf(delegate.keys(prefix, limit));
            } catch (RuntimeException e) {
                throw seal(e);
            }
        }

        private static StoredValue check(StoredValue value) {
            if (!harmless(value)) {
                throw new PluginUnavailableException("the platform answered with an unexpected value", null, null);
            }
            return value;
        }

        @Override
        public String toString() {
            return "PluginStorage";
        }
    }

    private static final class Egress implements EgressHttp {
        private final EgressHttp delegate;

        Egress(EgressHttp delegate) {
            this.delegate = delegate;
        }

        @Override
        public EgressResponse send(EgressRequest request) throws IOException {
            EgressResponse response;
            try {
                response = delegate.send(request);
            } catch (RuntimeException e) {
                throw seal(e);
            } catch (IOException e) {
                throw seal(e);
            }
            if (!harmless(response)) {
                throw new IOException("the platform answered with an unexpected response");
            }
            return response;
        }

        @Override
        public String toString() {
            return "EgressHttp";
        }
    }

    private static final class SealedClock extends Clock {
        private final Clock delegate;

        SealedClock(Clock delegate) {
            this.delegate = delegate;
        }

        @Override
        public ZoneId getZone() {
            return delegate.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return clock(delegate.withZone(zone));
        }

        @Override
        public Instant instant() {
            return delegate.instant();
        }

        @Override
        public long millis() {
            return delegate.millis();
        }

        @Override
        public String toString() {
            return "Clock[" + delegate.getZone() + "]";
        }
    }

    private static final class Logger implements PluginLogger {
        private final PluginLogger delegate;

        Logger(PluginLogger delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean isDebugEnabled() {
            return delegate.isDebugEnabled();
        }

        @Override
        public void debug(String message) {
            delegate.debug(message);
        }

        @Override
        public void info(String message) {
            delegate.info(message);
        }

        @Override
        public void warn(String message) {
            delegate.warn(message);
        }

        @Override
        public void warn(String message, Throwable cause) {
            delegate.warn(message, cause);
        }

        @Override
        public void error(String message, Throwable cause) {
            delegate.error(message, cause);
        }
    }

    private static final class Configuration implements PluginConfiguration {
        private final PluginConfiguration delegate;

        Configuration(PluginConfiguration delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean has(String pointer) {
            return delegate.has(pointer);
        }

        @Override
        public Optional<String> string(String pointer) {
            return delegate.string(pointer);
        }

        @Override
        public OptionalLong integer(String pointer) {
            return delegate.integer(pointer);
        }

        @Override
        public Optional<BigDecimal> decimal(String pointer) {
            return delegate.decimal(pointer)
                    .map(d -> d.getClass() == BigDecimal.class ? d : new BigDecimal(d.unscaledValue(), d.scale()));
        }

        @Override
        public Optional<Boolean> bool(String pointer) {
            return delegate.bool(pointer);
        }

        @Override
        public List<String> strings(String pointer) {
            return List.copyOf(delegate.strings(pointer));
        }

        @Override
        public Optional<PluginConfiguration> object(String pointer) {
            return delegate.object(pointer).map(SealedPluginContext::configuration);
        }

        @Override
        public List<PluginConfiguration> objects(String pointer) {
            List<PluginConfiguration> sealed = new ArrayList<>();
            for (PluginConfiguration c : delegate.objects(pointer)) {
                sealed.add(configuration(c));
            }
            return List.copyOf(sealed);
        }

        @Override
        public Optional<Secret> secret(String pointer) {
            return delegate.secret(pointer).map(s -> {
                if (!harmless(s)) {
                    throw new PluginUnavailableException("the platform answered with an unexpected secret", null, null);
                }
                return s;
            });
        }
    }
}
