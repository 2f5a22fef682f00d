package io.caravan.platform.events.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A delivery's life under a fake clock: claims are leases, failures back off, the last one is dead. */
class EventDeliveryTest {
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final RetryPolicy POLICY = RetryPolicy.DEFAULT;

    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private EventDelivery delivery;

    @BeforeEach
    void newDelivery() {
        RecordedOrderEvent event =
                new RecordedOrderEvent(new OrderEventHeader("event-1", "order-1", 1, 1, "PLACED", now), "{}", now);
        delivery = new EventDelivery(event, "installation-1", "crm-sync", now);
    }

    @Test
    void a_new_delivery_is_pending_and_due_at_once() {
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.attempts()).isZero();
        assertThat(delivery.claimable(now)).isTrue();
        assertThat(delivery.eventId()).isEqualTo("event-1");
        assertThat(delivery.id()).isNotEqualTo("event-1");
    }

    @Test
    void a_claim_is_a_lease_that_nobody_else_gets_until_it_passes() {
        String token = delivery.claim("node-a", now, LEASE);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.claimedBy()).isEqualTo("node-a");
        assertThat(delivery.claimable(now.plusSeconds(59))).isFalse();
        assertThatThrownBy(() -> delivery.claim("node-b", now.plusSeconds(59), LEASE))
                .isInstanceOf(IllegalStateException.class);
        assertThat(delivery.heldBy(token)).isTrue();

        // node-a died: its lease passes, node-b takes over, node-a's late outcome no longer counts
        Instant later = now.plus(LEASE);
        assertThat(delivery.claimable(later)).isTrue();
        String takeover = delivery.claim("node-b", later, LEASE);
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(delivery.heldBy(token)).isFalse();
        assertThatThrownBy(() -> delivery.delivered(token, later)).isInstanceOf(IllegalStateException.class);
        delivery.delivered(takeover, later.plusSeconds(1));
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.completedAt()).isEqualTo(later.plusSeconds(1));
        assertThat(delivery.claimedBy()).isNull();
        assertThat(delivery.claimable(later.plusSeconds(3600))).isFalse();
    }

    @Test
    void failures_back_off_10_20_40_80_160_seconds_and_the_sixth_is_dead() {
        long[] expectedWaits = {10, 20, 40, 80, 160};
        for (long wait : expectedWaits) {
            String token = delivery.claim("node-a", now, LEASE);
            Instant next = delivery.failed(token, "HTTP 503 from crm.example", now, POLICY)
                    .orElseThrow();
            assertThat(Duration.between(now, next)).isEqualTo(Duration.ofSeconds(wait));
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(delivery.claimable(next.minusMillis(1))).isFalse();
            assertThat(delivery.claimable(next)).isTrue();
            now = next;
        }
        String last = delivery.claim("node-a", now, LEASE);
        assertThat(delivery.failed(last, "still down", now, POLICY)).isEmpty();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(delivery.attempts()).isEqualTo(6);
        assertThat(delivery.lastError()).isEqualTo("still down");
        assertThat(delivery.completedAt()).isEqualTo(now);
        assertThat(delivery.claimable(now.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void a_retried_dead_delivery_is_due_at_once_with_a_fresh_count_and_its_last_error_kept() {
        RetryPolicy once = new RetryPolicy(Duration.ofSeconds(10), 1);
        delivery.failed(delivery.claim("node-a", now, LEASE), "boom", now, once);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DEAD);

        Instant later = now.plus(Duration.ofHours(2));
        delivery.retry(later);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.attempts()).isZero();
        assertThat(delivery.completedAt()).isNull();
        assertThat(delivery.lastError()).isEqualTo("boom");
        assertThat(delivery.claimable(later)).isTrue();
    }

    @Test
    void only_a_dead_delivery_can_be_retried() {
        assertThatThrownBy(() -> delivery.retry(now))
                .isInstanceOf(DeliveryNotRetryableException.class)
                .hasMessageContaining("PENDING");
        delivery.delivered(delivery.claim("node-a", now, LEASE), now);
        assertThatThrownBy(() -> delivery.retry(now)).hasMessageContaining("DELIVERED");
    }

    @Test
    void a_refusal_is_final_and_keeps_its_reason() {
        delivery.skipped(delivery.claim("node-a", now, LEASE), "does not apply (code NOT_MINE): other warehouse", now);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(delivery.status().isFinal()).isTrue();
        assertThat(delivery.lastError()).contains("NOT_MINE");
        assertThat(delivery.claimable(now.plusSeconds(3600))).isFalse();
    }

    @Test
    void a_delivery_not_yet_due_is_not_claimable() {
        String token = delivery.claim("node-a", now, LEASE);
        Instant next = delivery.failed(token, "boom", now, POLICY).orElseThrow();
        assertThat(delivery.claimable(now.plusSeconds(5))).isFalse();
        assertThatThrownBy(() -> delivery.claim("node-a", now.plusSeconds(5), LEASE))
                .isInstanceOf(IllegalStateException.class);
        assertThat(delivery.claimable(next)).isTrue();
    }

    @Test
    void an_oversized_event_is_refused_before_it_is_stored() {
        OrderEventHeader header = new OrderEventHeader("event-2", "order-1", 2, 1, "PLACED", now);
        assertThatThrownBy(() -> new RecordedOrderEvent(header, "x".repeat(RecordedOrderEvent.MAX_PAYLOAD + 1), now))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event-2");
    }
}
