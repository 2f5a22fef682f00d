package io.caravan.platform.host.application;

import io.caravan.platform.shared.domain.ReleaseId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Takes a plugin version out of service on this node when it keeps timing out. One store's
 * timeouts never quarantine a version (its own circuit breaker handles that, and its configuration
 * may be what makes the plugin slow): only timeouts for {@code stores} distinct stores within
 * {@code window}. A quarantine ends by itself after {@code duration}, or when an operator lifts it.
 */
public final class Quarantine {
    private static final Logger LOG = Logger.getLogger(Quarantine.class.getName());

    private final int stores;
    private final Duration window;
    private final Duration duration;
    private final Clock clock;
    private final Map<ReleaseId, Tracker> releases = new ConcurrentHashMap<>();

    public Quarantine(int stores, Duration window, Duration duration, Clock clock) {
        this.stores = stores;
        this.window = window;
        this.duration = duration;
        this.clock = clock;
    }

    /** Records a timeout; returns true when this timeout put the version into quarantine. */
    public boolean recordTimeout(ReleaseId releaseId, String label, String storeId) {
        Tracker tracker = releases.computeIfAbsent(releaseId, id -> new Tracker());
        Instant now = clock.instant();
        synchronized (tracker) {
            if (tracker.until != null && now.isBefore(tracker.until)) {
                return false;
            }
            tracker.lastTimeoutByStore.values().removeIf(at -> at.isBefore(now.minus(window)));
            tracker.lastTimeoutByStore.put(storeId, now);
            if (tracker.lastTimeoutByStore.size() >= stores) {
                tracker.until = now.plus(duration);
                tracker.lastTimeoutByStore.clear();
                LOG.warning(() -> "Plugin " + label + " quarantined until " + tracker.until + ": it timed out for "
                        + stores + " stores within " + window);
                return true;
            }
            return false;
        }
    }

    /** Until when the version is quarantined, if it is now. */
    public Optional<Instant> quarantinedUntil(ReleaseId releaseId) {
        Tracker tracker = releases.get(releaseId);
        if (tracker == null) {
            return Optional.empty();
        }
        synchronized (tracker) {
            return tracker.until != null && clock.instant().isBefore(tracker.until)
                    ? Optional.of(tracker.until)
                    : Optional.empty();
        }
    }

    /** Ends a quarantine now (operator decision); returns whether one was in force. */
    public boolean lift(ReleaseId releaseId) {
        Tracker tracker = releases.get(releaseId);
        if (tracker == null) {
            return false;
        }
        synchronized (tracker) {
            boolean inForce = tracker.until != null && clock.instant().isBefore(tracker.until);
            tracker.until = null;
            tracker.lastTimeoutByStore.clear();
            return inForce;
        }
    }

    /** The versions quarantined now, with the end of their quarantine. */
    public Map<ReleaseId, Instant> inForce() {
        Map<ReleaseId, Instant> result = new HashMap<>();
        for (ReleaseId releaseId : releases.keySet()) {
            quarantinedUntil(releaseId).ifPresent(until -> result.put(releaseId, until));
        }
        return result;
    }

    private static final class Tracker {
        final Map<String, Instant> lastTimeoutByStore = new HashMap<>();
        Instant until;
    }
}
