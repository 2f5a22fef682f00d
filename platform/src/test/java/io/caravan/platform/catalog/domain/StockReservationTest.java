package io.caravan.platform.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StockReservationTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void aCommittedHoldHasNoExpiryAndCannotBeExtended() {
        StockReservation hold =
                new StockReservation("checkout-1", "s", "MUG", "rotterdam", 2, NOW.plusSeconds(900), NOW);
        assertThat(hold.status()).isEqualTo(ReservationStatus.HELD);
        hold.extend(NOW.plusSeconds(1800));
        assertThat(hold.expiresAt()).isEqualTo(NOW.plusSeconds(1800));
        hold.commit();
        assertThat(hold.status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThat(hold.expiresAt()).isNull();
        assertThatThrownBy(() -> hold.extend(NOW.plusSeconds(60))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unitsAddUpAndAreTakenOffWhenShipped() {
        StockReservation hold = new StockReservation("order-1", "s", "MUG", "rotterdam", 2, NOW.plusSeconds(900), NOW);
        hold.add(3);
        hold.remove(4);
        assertThat(hold.quantity()).isEqualTo(1);
        assertThatThrownBy(() -> hold.remove(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> hold.add(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
    }
}
