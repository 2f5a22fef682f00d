package io.caravan.platform.events.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.events.domain.DeliveryQueue;
import io.caravan.platform.events.domain.DeliveryStatus;
import io.caravan.platform.events.domain.EventDelivery;
import io.caravan.platform.events.domain.OrderEventHeader;
import io.caravan.platform.events.domain.RecordedOrderEvent;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.domain.StoreRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery loop's rules under a fake clock, with the queue's claiming rules kept in memory the
 * way the SQL states them (pending, due, lease passed, nothing earlier of the order pending for the
 * installation): order per (order, installation), back-off, dead letters, refusals, lost claims and
 * the lag. The SQL itself is proven on H2 and PostgreSQL by EventOutboxIT.
 */
class DeliveryWorkerTest {
    private static final String STORE = "store-1";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final MemoryQueue queue = new MemoryQueue();
    private final ScriptedListeners listeners = new ScriptedListeners();
    private DeliveryWorker worker;

    @BeforeEach
    void wire() {
        OutboxSettings settings = new OutboxSettings();
        settings.retryBase = Duration.ofSeconds(10);
        settings.maxAttempts = 3;
        settings.lease = Duration.ofSeconds(60);
        settings.pollEvery = Duration.ofSeconds(1);
        settings.batch = 20;
        settings.workers = 1;
        settings.retention = Duration.ofDays(14);
        settings.purgeEvery = Duration.ofHours(1);
        settings.configuredNodeId = Optional.of("node-a");
        settings.check();

        MemoryAttempts attempts = new MemoryAttempts();
        attempts.settings = settings;
        attempts.clock = clock;

        worker = new DeliveryWorker();
        worker.queue = queue;
        worker.attempts = attempts;
        worker.listeners = listeners;
        worker.lag = new DeliveryLag();
        worker.settings = settings;
        worker.clock = clock;
    }

    @Test
    void events_of_one_order_reach_an_installation_in_sequence_one_at_a_time() {
        queue.add("order-1", 1, "inst-a");
        queue.add("order-1", 2, "inst-a");
        queue.add("order-1", 3, "inst-a");
        queue.add("order-1", 1, "inst-b");

        assertThat(worker.deliverDue())
                .as("only the first of the order per installation is due")
                .isEqualTo(2);
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(worker.deliverDue()).isZero();

        assertThat(listeners.received("inst-a")).containsExactly("order-1#1", "order-1#2", "order-1#3");
        assertThat(listeners.received("inst-b")).containsExactly("order-1#1");
        assertThat(queue.statuses()).containsOnly(DeliveryStatus.DELIVERED);
    }

    @Test
    void a_failing_event_holds_back_the_later_ones_of_its_order_until_it_is_delivered() {
        EventDelivery first = queue.add("order-1", 1, "inst-a");
        EventDelivery second = queue.add("order-1", 2, "inst-a");
        EventDelivery otherOrder = queue.add("order-2", 1, "inst-a");
        listeners.failNext("inst-a", "order-1#1", 1);

        assertThat(worker.deliverDue()).isEqualTo(2); // order-1#1 fails, order-2#1 is delivered
        assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(first.lastError()).isEqualTo("crm down");
        assertThat(otherOrder.status()).isEqualTo(DeliveryStatus.DELIVERED);

        clock.advance(Duration.ofSeconds(9));
        assertThat(worker.deliverDue())
                .as("the retry is not due and #2 waits for #1")
                .isZero();
        assertThat(second.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(second.attempts()).isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(listeners.received("inst-a")).containsExactly("order-1#1", "order-2#1", "order-1#1", "order-1#2");
        assertThat(first.attempts()).isEqualTo(2);
        assertThat(second.status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void after_the_last_attempt_a_delivery_is_dead_and_the_next_event_goes_on() {
        EventDelivery first = queue.add("order-1", 1, "inst-a");
        EventDelivery second = queue.add("order-1", 2, "inst-a");
        listeners.failNext("inst-a", "order-1#1", 3);

        worker.deliverDue();
        clock.advance(Duration.ofSeconds(10));
        worker.deliverDue();
        clock.advance(Duration.ofSeconds(19));
        assertThat(worker.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        worker.deliverDue(); // the third failure: dead

        assertThat(first.status()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(first.attempts()).isEqualTo(3);
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(second.status()).isEqualTo(DeliveryStatus.DELIVERED);
        DeliveryLag.Snapshot figures = worker.lag.snapshot();
        assertThat(figures.dead()).isEqualTo(1);
        assertThat(figures.failedAttempts()).isEqualTo(3);
        assertThat(figures.delivered()).isEqualTo(1);
    }

    @Test
    void a_refusal_is_skipped_not_retried() {
        EventDelivery first = queue.add("order-1", 1, "inst-a");
        listeners.refuse("inst-a", "order-1#1");

        worker.deliverDue();
        clock.advance(Duration.ofHours(1));
        assertThat(worker.deliverDue()).isZero();
        assertThat(first.status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(listeners.received("inst-a")).containsExactly("order-1#1");
    }

    @Test
    void a_claim_that_was_taken_over_records_nothing_and_the_taker_delivers_again() {
        EventDelivery first = queue.add("order-1", 1, "inst-a");
        // node-a's listener takes longer than the lease; meanwhile node-b takes the delivery over
        listeners.duringCall = () -> {
            clock.advance(Duration.ofSeconds(61));
            first.claim("node-b", clock.instant(), Duration.ofSeconds(60));
            listeners.duringCall = null;
        };
        worker.deliverDue();
        assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(first.claimedBy()).isEqualTo("node-b");
        assertThat(worker.lag.snapshot().claimsLost()).isEqualTo(1);
        assertThat(worker.lag.snapshot().delivered()).isZero();

        clock.advance(Duration.ofSeconds(60)); // node-b dies too: its lease passes
        worker.deliverDue();
        assertThat(first.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(listeners.received("inst-a"))
                .as("at least once: the listener saw the same delivery twice, under one event id")
                .containsExactly("order-1#1", "order-1#1");
        assertThat(listeners.eventIds).containsOnly(first.id());
    }

    @Test
    void the_lag_runs_from_enqueue_to_acknowledgement() {
        queue.add("order-1", 1, "inst-a");
        clock.advance(Duration.ofMillis(250));
        worker.deliverDue();
        DeliveryLag.Snapshot figures = worker.lag.snapshot();
        assertThat(figures.lagSamples()).isEqualTo(1);
        assertThat(figures.lagP50Millis()).isEqualTo(250.0);
        assertThat(figures.lagP99Millis()).isEqualTo(250.0);
    }

    /** The queue's claiming rules, in memory. */
    private final class MemoryQueue implements DeliveryQueue {
        final Map<String, EventDelivery> deliveries = new LinkedHashMap<>();

        EventDelivery add(String order, long sequence, String installation) {
            RecordedOrderEvent event = new RecordedOrderEvent(
                    new OrderEventHeader(
                            order + "#" + sequence + "@" + installation, order, sequence, 1, "PLACED", clock.instant()),
                    order + "#" + sequence,
                    clock.instant());
            EventDelivery delivery = new EventDelivery(event, installation, "crm-sync", clock.instant());
            deliveries.put(delivery.id(), delivery);
            return delivery;
        }

        List<DeliveryStatus> statuses() {
            return deliveries.values().stream().map(EventDelivery::status).toList();
        }

        boolean claimable(EventDelivery d, Instant now) {
            return d.claimable(now)
                    && deliveries.values().stream()
                            .noneMatch(e -> e.installationId().equals(d.installationId())
                                    && e.orderId().equals(d.orderId())
                                    && e.sequence() < d.sequence()
                                    && e.status() == DeliveryStatus.PENDING);
        }

        @Override
        public List<Due> due(Instant now, int max) {
            return deliveries.values().stream()
                    .filter(d -> claimable(d, now))
                    .limit(max)
                    .map(d -> new Due(STORE, "store-one", d.id()))
                    .toList();
        }

        @Override
        public List<String> lockClaimable(String storeId, Collection<String> ids, Instant now) {
            return ids.stream().filter(id -> claimable(deliveries.get(id), now)).toList();
        }

        @Override
        public Page<PluginDelivery> ofPlugin(String pluginId, DeliveryStatus status, PageRequest page) {
            throw new UnsupportedOperationException();
        }
    }

    /** DeliveryAttempts without a database: the same domain calls on the in-memory deliveries. */
    private final class MemoryAttempts extends DeliveryAttempts {
        private final MemoryQueue memory = DeliveryWorkerTest.this.queue;

        @Override
        public List<Claim> claim(String storeId, Collection<String> deliveryIds, String node) {
            List<Claim> claims = new ArrayList<>();
            for (String id : memory.lockClaimable(storeId, deliveryIds, clock.instant())) {
                EventDelivery d = memory.deliveries.get(id);
                String token = d.claim(node, clock.instant(), settings.lease());
                claims.add(new Claim(
                        storeId,
                        id,
                        token,
                        d.installationId(),
                        d.orderId() + "#" + d.sequence(),
                        d.enqueuedAt(),
                        d.attempts()));
            }
            return claims;
        }

        @Override
        public Recorded record(Claim claim, ListenerAnswer answer) {
            EventDelivery d = memory.deliveries.get(claim.deliveryId());
            if (!d.heldBy(claim.token())) {
                return Recorded.CLAIM_LOST;
            }
            return apply(d, claim.token(), answer, clock.instant(), settings.retryPolicy());
        }
    }

    /** Listeners that record what they received and fail or refuse as told. */
    private static final class ScriptedListeners extends OrderEventListeners {
        final Map<String, List<String>> received = new LinkedHashMap<>();
        final Map<String, Deque<String>> failures = new LinkedHashMap<>();
        final Map<String, String> refusals = new LinkedHashMap<>();
        final List<String> eventIds = new ArrayList<>();
        Runnable duringCall;

        void failNext(String installation, String event, int times) {
            Deque<String> queue = failures.computeIfAbsent(installation + "/" + event, k -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.add("crm down");
            }
        }

        void refuse(String installation, String event) {
            refusals.put(installation + "/" + event, "does not apply (code NOT_MINE): not for this warehouse");
        }

        List<String> received(String installation) {
            return received.getOrDefault(installation, List.of());
        }

        @Override
        public ListenerAnswer deliver(StoreRef store, String installationId, String deliveryId, String payload) {
            received.computeIfAbsent(installationId, k -> new ArrayList<>()).add(payload);
            eventIds.add(deliveryId);
            if (duringCall != null) {
                duringCall.run();
            }
            String key = installationId + "/" + payload;
            if (refusals.containsKey(key)) {
                return new ListenerAnswer.NotApplicable(refusals.get(key));
            }
            Deque<String> failing = failures.get(key);
            if (failing != null && !failing.isEmpty()) {
                return new ListenerAnswer.Failed(failing.poll());
            }
            return new ListenerAnswer.Acknowledged();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
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
