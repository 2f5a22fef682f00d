package io.caravan.platform.events.application;

import io.caravan.platform.events.domain.RetryPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox's configuration (README, "Order events"), read once and checked at start: a bad value
 * stops the application instead of delivering on a wrong schedule.
 */
@ApplicationScoped
public class OutboxSettings {
    /** The wait after the first failed attempt; doubled after each further one. */
    @Inject
    @ConfigProperty(name = "caravan.events.retry-base", defaultValue = "PT10S")
    Duration retryBase;

    /** Attempts in all (the first try and the retries) before a delivery is dead. */
    @Inject
    @ConfigProperty(name = "caravan.events.max-attempts", defaultValue = "6")
    int maxAttempts;

    /**
     * How long a claim holds a delivery. Longer than the listener's deadline (10 s by default), so
     * only a node that died or hung loses it.
     */
    @Inject
    @ConfigProperty(name = "caravan.events.lease", defaultValue = "PT60S")
    Duration lease;

    /** How often each node looks for due deliveries (a commit on this node wakes it at once). */
    @Inject
    @ConfigProperty(name = "caravan.events.poll-every", defaultValue = "PT1S")
    Duration pollEvery;

    /** Deliveries claimed at a time by one delivery loop. */
    @Inject
    @ConfigProperty(name = "caravan.events.batch", defaultValue = "20")
    int batch;

    /** Delivery loops per node (each delivers one event at a time). */
    @Inject
    @ConfigProperty(name = "caravan.events.workers", defaultValue = "2")
    int workers;

    /** How long a finished (delivered, skipped or dead) delivery is kept. */
    @Inject
    @ConfigProperty(name = "caravan.events.retention", defaultValue = "P14D")
    Duration retention;

    /** How often the retention purge runs. */
    @Inject
    @ConfigProperty(name = "caravan.events.purge-every", defaultValue = "PT1H")
    Duration purgeEvery;

    /** This node's name in claims; by default the host name and a random suffix per start. */
    @Inject
    @ConfigProperty(name = "caravan.events.node-id")
    Optional<String> configuredNodeId;

    private RetryPolicy retryPolicy;
    private String nodeId;

    @PostConstruct
    void check() {
        retryPolicy = new RetryPolicy(retryBase, maxAttempts);
        positive("caravan.events.lease", lease);
        positive("caravan.events.poll-every", pollEvery);
        positive("caravan.events.retention", retention);
        positive("caravan.events.purge-every", purgeEvery);
        if (batch < 1 || batch > 500) {
            throw new IllegalStateException("caravan.events.batch must be between 1 and 500, not " + batch);
        }
        if (workers < 1 || workers > 32) {
            throw new IllegalStateException("caravan.events.workers must be between 1 and 32, not " + workers);
        }
        nodeId = configuredNodeId.map(String::strip).filter(s -> !s.isEmpty()).orElseGet(OutboxSettings::defaultNodeId);
        if (nodeId.length() > 100) {
            throw new IllegalStateException("caravan.events.node-id must be at most 100 characters");
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalStateException(name + " must be a positive duration, not " + value);
        }
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        if (host.length() > 80) {
            host = host.substring(0, 80);
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public Duration lease() {
        return lease;
    }

    public Duration pollEvery() {
        return pollEvery;
    }

    public int batch() {
        return batch;
    }

    public int workers() {
        return workers;
    }

    public Duration retention() {
        return retention;
    }

    public Duration purgeEvery() {
        return purgeEvery;
    }

    public String nodeId() {
        return nodeId;
    }
}
