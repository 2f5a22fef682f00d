package io.caravan.testkit;

import io.caravan.runtime.JsonPluginConfiguration;
import io.caravan.runtime.PluginDescriptorReader;
import io.caravan.sdk.plugin.EgressDeniedException;
import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.EgressRequest;
import io.caravan.sdk.plugin.EgressResponse;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.plugin.PluginLogger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A {@link PluginContext} for tests, built with {@link #builder()}:
 *
 * <pre>{@code
 * TestPluginContext ctx = TestPluginContext.builder()
 *         .storeSlug("demo-eu")
 *         .configuration("""
 *             {"registrations": {"iossNumber": "IM2760000001"}}""")
 *         .build();
 * }</pre>
 *
 * <ul>
 * <li>configuration: a JSON document read through JSON Pointers exactly as the SDK's
 *     {@link PluginConfiguration} contract says, by the same implementation the platform uses
 *     (the plugin runtime's {@code JsonPluginConfiguration}). The secret fields are those your
 *     descriptor declares ({@code configuration.secrets} of the {@code OSGI-INF/caravan-plugin.json}
 *     on the test class path, i.e. your plugin's own), plus any named with {@link Builder#secrets};</li>
 * <li>storage: {@link InMemoryPluginStorage}, with the SDK's limits;</li>
 * <li>http: refuses every host not in {@link Builder#allowHosts(String...)} (none by default) with
 *     {@link EgressDeniedException}; requests to allowed hosts go to the {@link Builder#egress}
 *     stub, or fail with {@link IOException} if there is none;</li>
 * <li>clock: fixed ({@link #DEFAULT_NOW} unless set); deadline: now + 1 s unless set;</li>
 * <li>logger: records every line; read them with {@link #logLines()}.</li>
 * </ul>
 *
 * <p>Unlike a platform context, one instance may be reused across calls in a test (its storage and
 * log then accumulate), which is what tests of storage-using plugins want.
 */
public final class TestPluginContext implements PluginContext {

    /** The default fixed "now": 2026-11-23T12:00:00Z. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-11-23T12:00:00Z");

    /** Answers an egress request to an allowed host in a test. */
    @FunctionalInterface
    public interface EgressStub {
        /**
         * Answers a request.
         *
         * @param request the request the plugin sent
         * @return the response to give the plugin
         * @throws IOException to simulate a connection failure or timeout
         */
        EgressResponse answer(EgressRequest request) throws IOException;
    }

    private final String storeSlug;
    private final PluginConfiguration configuration;
    private final InMemoryPluginStorage storage;
    private final RecordingEgress http;
    private final Clock clock;
    private final Instant deadline;
    private final Locale locale;
    private final RecordingLogger logger;

    private TestPluginContext(Builder b) {
        this.storeSlug = b.storeSlug;
        this.configuration = JsonPluginConfiguration.parse(b.configuration, b.secrets);
        this.clock = b.clock;
        this.storage = b.storage != null ? b.storage : new InMemoryPluginStorage(b.clock);
        this.http = new RecordingEgress(Set.copyOf(b.allowedHosts), b.egress);
        this.deadline = b.clock.instant().plus(b.timeout);
        this.locale = b.locale;
        this.logger = new RecordingLogger(b.debugEnabled);
    }

    /**
     * A builder with the defaults: store slug {@code test-store}, configuration {@code {}}, the secret
     * fields of the descriptor on the test class path (none if there is none),
     * no egress hosts, clock fixed at {@link #DEFAULT_NOW} in UTC, deadline 1 s, locale English.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A context with all defaults and this configuration.
     *
     * @param configurationJson the store's configuration document
     * @return the context
     */
    public static TestPluginContext withConfiguration(String configurationJson) {
        return builder().configuration(configurationJson).build();
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
    public InMemoryPluginStorage storage() {
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

    /**
     * The lines logged so far, each as {@code LEVEL message} (plus {@code  | cause} when given).
     *
     * @return a snapshot, unmodifiable
     */
    public List<String> logLines() {
        return logger.lines();
    }

    /**
     * The requests the plugin sent to allowed hosts, in order (refused ones are not included).
     *
     * @return a snapshot, unmodifiable
     */
    public List<EgressRequest> sentRequests() {
        return http.sent();
    }

    /**
     * The requests refused because their host was not allowed, in order.
     *
     * @return a snapshot, unmodifiable
     */
    public List<EgressRequest> refusedRequests() {
        return http.refused();
    }

    /** Builds a {@link TestPluginContext}. */
    public static final class Builder {
        private String storeSlug = "test-store";
        private String configuration = "{}";
        private final Set<String> secrets = new LinkedHashSet<>(secretsOfDescriptorOnClassPath());
        private final Set<String> allowedHosts = new LinkedHashSet<>();
        private EgressStub egress;
        private Clock clock = Clock.fixed(DEFAULT_NOW, ZoneOffset.UTC);
        private Duration timeout = Duration.ofSeconds(1);
        private Locale locale = Locale.ENGLISH;
        private boolean debugEnabled = true;
        private InMemoryPluginStorage storage;

        private Builder() {}

        /**
         * The store's slug, what {@code storeSlug()} answers.
         *
         * @param slug not blank
         * @return this builder
         */
        public Builder storeSlug(String slug) {
            if (slug == null || slug.isBlank()) {
                throw new IllegalArgumentException("storeSlug must not be blank");
            }
            this.storeSlug = slug;
            return this;
        }

        /**
         * The store's configuration of the plugin.
         *
         * @param json a JSON object
         * @return this builder
         */
        public Builder configuration(String json) {
            this.configuration = Objects.requireNonNull(json, "json");
            return this;
        }

        /**
         * The secret fields, as the descriptor's {@code configuration.secrets} lists them.
         *
         * @param pointers JSON Pointers
         * @return this builder
         */
        public Builder secrets(String... pointers) {
            secrets.addAll(List.of(pointers));
            return this;
        }

        /**
         * Takes the secret fields a descriptor declares (in addition to those already known).
         *
         * @param descriptor a plugin's descriptor, e.g. {@code PluginTestKit.descriptor()}
         * @return this builder
         */
        public Builder descriptor(PluginDescriptor descriptor) {
            secrets.addAll(descriptor.secretFields());
            return this;
        }

        /**
         * Hosts {@code http()} may reach (as the descriptor's {@code permissions.egressHosts}).
         *
         * @param hosts exact lower-case host names
         * @return this builder
         */
        public Builder allowHosts(String... hosts) {
            allowedHosts.addAll(List.of(hosts));
            return this;
        }

        /**
         * What answers requests to allowed hosts.
         *
         * @param stub the stub
         * @return this builder
         */
        public Builder egress(EgressStub stub) {
            this.egress = stub;
            return this;
        }

        /**
         * The clock (fixed at {@link #DEFAULT_NOW} by default).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A clock fixed at an instant, in UTC.
         *
         * @param now the instant
         * @return this builder
         */
        public Builder now(Instant now) {
            return clock(Clock.fixed(now, ZoneOffset.UTC));
        }

        /**
         * How long after the clock's "now" the deadline is (1 s by default).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The locale.
         *
         * @param locale the locale
         * @return this builder
         */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /**
         * Whether debug lines are recorded (they are by default).
         *
         * @param enabled whether {@code isDebugEnabled()} is true
         * @return this builder
         */
        public Builder debug(boolean enabled) {
            this.debugEnabled = enabled;
            return this;
        }

        /**
         * Shares a storage between contexts (e.g. two calls that must see each other's writes).
         *
         * @param storage the storage
         * @return this builder
         */
        public Builder storage(InMemoryPluginStorage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * Builds the context.
         *
         * @return the context
         * @throws IllegalArgumentException if the configuration is not a JSON object
         */
        public TestPluginContext build() {
            return new TestPluginContext(this);
        }
    }

    /**
     * The secret fields of the plugin's own descriptor when a test runs inside the plugin's build
     * ({@code target/classes/OSGI-INF/caravan-plugin.json}), read by the platform's strict reader
     * so a malformed descriptor fails the test with the member at fault.
     */
    private static Set<String> secretsOfDescriptorOnClassPath() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : TestPluginContext.class.getClassLoader();
        // read once per class loader: tests build many contexts
        return DESCRIPTOR_SECRETS.computeIfAbsent(loader, TestPluginContext::readDescriptorSecrets);
    }

    private static final Map<ClassLoader, Set<String>> DESCRIPTOR_SECRETS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private static Set<String> readDescriptorSecrets(ClassLoader loader) {
        URL url = loader.getResource(PluginDescriptor.RESOURCE_PATH);
        if (url == null) {
            return Set.of();
        }
        try (InputStream in = url.openStream()) {
            return PluginDescriptorReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .secretFields();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
    }

    private static final class RecordingEgress implements EgressHttp {
        private final Set<String> allowed;
        private final EgressStub stub;
        private final List<EgressRequest> sent = Collections.synchronizedList(new ArrayList<>());
        private final List<EgressRequest> refused = Collections.synchronizedList(new ArrayList<>());

        RecordingEgress(Set<String> allowed, EgressStub stub) {
            this.allowed = allowed;
            this.stub = stub;
        }

        @Override
        public EgressResponse send(EgressRequest request) throws IOException {
            String host = request.uri().getHost();
            if (host == null || !allowed.contains(host)) {
                refused.add(request);
                throw new EgressDeniedException("Host not declared in permissions.egressHosts: " + host
                        + " (allowed in this test: " + allowed + ")");
            }
            sent.add(request);
            if (stub == null) {
                throw new IOException("No egress stub in this test for " + request.method() + " " + request.uri());
            }
            return stub.answer(request);
        }

        List<EgressRequest> sent() {
            synchronized (sent) {
                return List.copyOf(sent);
            }
        }

        List<EgressRequest> refused() {
            synchronized (refused) {
                return List.copyOf(refused);
            }
        }
    }

    private static final class RecordingLogger implements PluginLogger {
        private final boolean debugEnabled;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        RecordingLogger(boolean debugEnabled) {
            this.debugEnabled = debugEnabled;
        }

        private void log(String level, String message, Throwable cause) {
            String line = level + " " + message;
            if (cause != null) {
                line += " | " + cause;
            }
            lines.add(line);
        }

        @Override
        public boolean isDebugEnabled() {
            return debugEnabled;
        }

        @Override
        public void debug(String message) {
            if (debugEnabled) {
                log("DEBUG", message, null);
            }
        }

        @Override
        public void info(String message) {
            log("INFO", message, null);
        }

        @Override
        public void warn(String message) {
            log("WARN", message, null);
        }

        @Override
        public void warn(String message, Throwable cause) {
            log("WARN", message, cause);
        }

        @Override
        public void error(String message, Throwable cause) {
            log("ERROR", message, cause);
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }
}
