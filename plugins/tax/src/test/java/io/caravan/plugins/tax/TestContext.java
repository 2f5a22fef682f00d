package io.caravan.plugins.tax;

import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginLogger;
import io.caravan.sdk.plugin.PluginStorage;
import io.caravan.sdk.plugin.Secret;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A per-call context over a flat map of JSON Pointers to values (test-only). */
record TestContext(Map<String, Object> values) implements PluginContext, PluginConfiguration {

    static TestContext of(Object... pointerValuePairs) {
        java.util.HashMap<String, Object> m = new java.util.HashMap<>();
        for (int i = 0; i < pointerValuePairs.length; i += 2) {
            m.put((String) pointerValuePairs[i], pointerValuePairs[i + 1]);
        }
        return new TestContext(Map.copyOf(m));
    }

    @Override public String storeId() { return "test-store"; }
    @Override public PluginConfiguration configuration() { return this; }
    @Override public PluginStorage storage() { throw new UnsupportedOperationException("tax plugin must not use storage"); }
    @Override public EgressHttp http() { throw new UnsupportedOperationException("tax plugin must not use egress"); }
    @Override public Clock clock() { return Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC); }
    @Override public PluginLogger logger() { return null; }
    @Override public Instant deadline() { return Instant.MAX; }
    @Override public Locale locale() { return Locale.ENGLISH; }

    @Override public boolean has(String pointer) { return values.containsKey(pointer); }
    @Override public Optional<String> string(String pointer) { return Optional.ofNullable((String) values.get(pointer)); }
    @Override public OptionalLong integer(String pointer) {
        Object v = values.get(pointer);
        return v == null ? OptionalLong.empty() : OptionalLong.of(((Number) v).longValue());
    }
    @Override public Optional<BigDecimal> decimal(String pointer) {
        Object v = values.get(pointer);
        return v == null ? Optional.empty() : Optional.of(new BigDecimal(v.toString()));
    }
    @Override public Optional<Boolean> bool(String pointer) { return Optional.ofNullable((Boolean) values.get(pointer)); }
    @Override public List<String> strings(String pointer) { return List.of(); }
    @Override public Optional<PluginConfiguration> object(String pointer) { return Optional.empty(); }
    @Override public List<PluginConfiguration> objects(String pointer) { return List.of(); }
    @Override public Optional<Secret> secret(String pointer) { return Optional.empty(); }
}
