package io.caravan.sandbox.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.runtime.JsonPluginConfiguration;
import io.caravan.sandbox.protocol.CallContext;
import io.caravan.sandbox.protocol.Callback;
import io.caravan.sandbox.protocol.SandboxJson;
import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.EgressRequest;
import io.caravan.sdk.plugin.EgressResponse;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginLogger;
import io.caravan.sdk.plugin.PluginStorage;
import io.caravan.sdk.plugin.Secret;
import io.caravan.sdk.plugin.StoredValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A call's context inside the worker. Store, deadline, locale and the configuration without its
 * secrets came with the call; storage, egress and secrets are requests to the platform, which
 * carries them out for the installation the call belongs to and under its rules.
 */
final class WorkerContext implements PluginContext {
    private final long call;
    private final CallContext context;
    private final PlatformLink link;
    private final PluginConfiguration configuration;
    private final PluginStorage storage = new RemoteStorage();
    private final EgressHttp http = new RemoteEgress();
    private final PluginLogger logger = new RemoteLogger();

    WorkerContext(long call, CallContext context, PlatformLink link) {
        this.call = call;
        this.context = context;
        this.link = link;
        this.configuration = new RemoteConfiguration(
                JsonPluginConfiguration.parse(context.configuration(), context.secretPointers()), "");
    }

    private Duration left() {
        Duration left = Duration.between(Instant.now(), context.deadline());
        return left.isNegative() ? Duration.ofMillis(1) : left;
    }

    @Override
    public String storeSlug() {
        return context.storeSlug();
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
        return Clock.systemUTC();
    }

    @Override
    public PluginLogger logger() {
        return logger;
    }

    @Override
    public Instant deadline() {
        return context.deadline();
    }

    @Override
    public Locale locale() {
        return Locale.forLanguageTag(context.locale());
    }

    private static ObjectNode json() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The configuration document as sent; a secret is asked for when read. */
    private final class RemoteConfiguration implements PluginConfiguration {
        private final PluginConfiguration local;
        private final String base;

        RemoteConfiguration(PluginConfiguration local, String base) {
            this.local = local;
            this.base = base;
        }

        @Override
        public boolean has(String pointer) {
            // secret fields were removed from the document the worker holds
            return context.secretsSet().contains(base + pointer) || local.has(pointer);
        }

        @Override
        public Optional<String> string(String pointer) {
            return local.string(pointer);
        }

        @Override
        public OptionalLong integer(String pointer) {
            return local.integer(pointer);
        }

        @Override
        public Optional<BigDecimal> decimal(String pointer) {
            return local.decimal(pointer);
        }

        @Override
        public Optional<Boolean> bool(String pointer) {
            return local.bool(pointer);
        }

        @Override
        public List<String> strings(String pointer) {
            return local.strings(pointer);
        }

        @Override
        public Optional<PluginConfiguration> object(String pointer) {
            return local.object(pointer).map(c -> new RemoteConfiguration(c, base + pointer));
        }

        @Override
        public List<PluginConfiguration> objects(String pointer) {
            List<PluginConfiguration> children = local.objects(pointer);
            List<PluginConfiguration> out = new ArrayList<>(children.size());
            for (int i = 0; i < children.size(); i++) {
                out.add(new RemoteConfiguration(children.get(i), base + pointer + "/" + i));
            }
            return List.copyOf(out);
        }

        @Override
        public Optional<Secret> secret(String pointer) {
            String full = base + pointer;
            if (!context.secretPointers().contains(full)) {
                throw new IllegalStateException(
                        full + " is not a declared secret field (declared: " + context.secretPointers() + ")");
            }
            JsonNode value = link.requestUnchecked(call, Callback.SECRET, json().put("pointer", full), left());
            return value == null || value.isNull() || value.asText().isEmpty()
                    ? Optional.empty()
                    : Optional.of(Secret.of(value.asText()));
        }

        @Override
        public String toString() {
            return "configuration[" + (base.isEmpty() ? "/" : base) + "]";
        }
    }

    private final class RemoteStorage implements PluginStorage {
        @Override
        public Optional<StoredValue> get(String key) {
            JsonNode value = link.requestUnchecked(call, Callback.STORAGE_GET, json().put("key", key), left());
            return value == null || value.isNull()
                    ? Optional.empty()
                    : Optional.of(SandboxJson.read(value, StoredValue.class));
        }

        @Override
        public long put(String key, byte[] value) {
            return put(key, value, null);
        }

        @Override
        public long put(String key, byte[] value, Duration timeToLive) {
            ObjectNode args = json().put("key", key).put("value", value);
            if (timeToLive != null) {
                args.put("ttlMillis", timeToLive.toMillis());
            }
            return link.requestUnchecked(call, Callback.STORAGE_PUT, args, left())
                    .asLong();
        }

        @Override
        public OptionalLong compareAndSet(String key, long expectedVersion, byte[] value) {
            return compareAndSet(key, expectedVersion, value, null);
        }

        @Override
        public OptionalLong compareAndSet(String key, long expectedVersion, byte[] value, Duration timeToLive) {
            ObjectNode args = json().put("key", key)
                    .put("expectedVersion", expectedVersion)
                    .put("value", value);
            if (timeToLive != null) {
                args.put("ttlMillis", timeToLive.toMillis());
            }
            JsonNode result = link.requestUnchecked(call, Callback.STORAGE_CAS, args, left());
            return result == null || result.isNull() ? OptionalLong.empty() : OptionalLong.of(result.asLong());
        }

        @Override
        public boolean delete(String key) {
            return link.requestUnchecked(call, Callback.STORAGE_DELETE, json().put("key", key), left())
                    .asBoolean();
        }

        @Override
        public List<String> keys(String prefix, int limit) {
            JsonNode result = link.requestUnchecked(
                    call, Callback.STORAGE_KEYS, json().put("prefix", prefix).put("limit", limit), left());
            List<String> keys = new ArrayList<>();
            result.forEach(k -> keys.add(k.asText()));
            return List.copyOf(keys);
        }
    }

    private final class RemoteEgress implements EgressHttp {
        @Override
        public EgressResponse send(EgressRequest request) throws IOException {
            JsonNode result = link.request(call, Callback.HTTP_SEND, request, left());
            return SandboxJson.read(result, EgressResponse.class);
        }
    }

    private final class RemoteLogger implements PluginLogger {
        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public void debug(String message) {}

        @Override
        public void info(String message) {
            link.log(call, "INFO", message);
        }

        @Override
        public void warn(String message) {
            link.log(call, "WARN", message);
        }

        @Override
        public void warn(String message, Throwable cause) {
            link.log(call, "WARN", message + ": " + cause);
        }

        @Override
        public void error(String message, Throwable cause) {
            link.log(call, "ERROR", message + (cause == null ? "" : ": " + cause));
        }
    }
}
