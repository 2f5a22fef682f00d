package io.caravan.platform.host.application;

import io.caravan.sdk.plugin.ExtensionPoint;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The invoker's limits. Every value has a MicroProfile Config key (see README's configuration table);
 * deadlines default to each extension point's own ({@link ExtensionPoint#defaultDeadline()}).
 *
 * @param deadlines          per extension point
 * @param maxConcurrentCalls bulkhead: calls in flight per (store, installation); a call that timed out
 *                           keeps its place until the plugin really returns (the caller's own
 *                           thread for a certified version, a plugin thread for an isolated one)
 * @param breakerFailures    breaker opens after this many failures ...
 * @param breakerWindow      ... among this many most recent calls
 * @param breakerOpenFor     how long it stays open before letting a trial call through
 * @param quarantineStores   a version is quarantined when it timed out for this many distinct stores ...
 * @param quarantineWindow   ... within this window
 * @param quarantineFor      and stays quarantined this long
 * @param maxThreads         plugin threads on the node, all stores together (isolated versions only)
 * @param firstCallAllowance added to the point's deadline for the first call after a version is
 *                           loaded on a node (once per load): that call runs the plugin's code for
 *                           the first time in its JVM — interpreted, classes initialised, the JSON
 *                           of its values built — which no warm-up can do without calling the
 *                           plugin. ~0.1–0.2 s on an idle 2-core machine, past the tax point's 1 s
 *                           under load (BENCHMARKS.md, "first call of a sandboxed version"); without
 *                           the allowance a fail-closed point refused the first shopper after a load
 */
public record InvokerSettings(
        Map<ExtensionPoint, Duration> deadlines,
        int maxConcurrentCalls,
        int breakerFailures,
        int breakerWindow,
        Duration breakerOpenFor,
        int quarantineStores,
        Duration quarantineWindow,
        Duration quarantineFor,
        int maxThreads,
        Duration firstCallAllowance) {

    public InvokerSettings {
        Map<ExtensionPoint, Duration> all = new EnumMap<>(ExtensionPoint.class);
        for (ExtensionPoint point : ExtensionPoint.values()) {
            Duration d = deadlines.getOrDefault(point, point.defaultDeadline());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("deadline of " + point + " must be positive, not " + d);
            }
            all.put(point, d);
        }
        deadlines = Map.copyOf(all);
        positive(maxConcurrentCalls, "max concurrent calls");
        positive(breakerFailures, "breaker failures");
        if (breakerWindow < breakerFailures) {
            throw new IllegalArgumentException("breaker window (" + breakerWindow
                    + ") must be at least the failure threshold (" + breakerFailures + ")");
        }
        positive(quarantineStores, "quarantine stores");
        positive(maxThreads, "max threads");
        if (firstCallAllowance.isNegative()) {
            throw new IllegalArgumentException(
                    "the first call's allowance cannot be negative, not " + firstCallAllowance);
        }
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }

    public static InvokerSettings defaults() {
        return new InvokerSettings(
                Map.of(),
                8,
                5,
                10,
                Duration.ofSeconds(30),
                3,
                Duration.ofMinutes(1),
                Duration.ofMinutes(5),
                256,
                Duration.ofSeconds(2));
    }

    public Duration deadline(ExtensionPoint point) {
        return deadlines.get(point);
    }

    public InvokerSettings withDeadline(ExtensionPoint point, Duration deadline) {
        Map<ExtensionPoint, Duration> changed = new EnumMap<>(deadlines);
        changed.put(point, deadline);
        return new InvokerSettings(
                changed,
                maxConcurrentCalls,
                breakerFailures,
                breakerWindow,
                breakerOpenFor,
                quarantineStores,
                quarantineWindow,
                quarantineFor,
                maxThreads,
                firstCallAllowance);
    }

    public InvokerSettings withFirstCallAllowance(Duration allowance) {
        return new InvokerSettings(
                deadlines,
                maxConcurrentCalls,
                breakerFailures,
                breakerWindow,
                breakerOpenFor,
                quarantineStores,
                quarantineWindow,
                quarantineFor,
                maxThreads,
                allowance);
    }
}
