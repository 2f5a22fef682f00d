package io.caravan.platform.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StockLevelTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static StockLevel level(long onHand, long reserved) {
        StockLevel level = new StockLevel("v", "w", NOW);
        level.setOnHand(onHand, NOW);
        if (reserved > 0) {
            assertThat(level.tryReserve(reserved, NOW)).isTrue();
        }
        return level;
    }

    @Test
    void reservesOnlyWhatIsAvailable() {
        StockLevel level = level(5, 3);
        assertThat(level.tryReserve(3, NOW)).isFalse();
        assertThat(level.reserved()).isEqualTo(3);
        assertThat(level.tryReserve(2, NOW)).isTrue();
        assertThat(level.available()).isZero();
    }

    @Test
    void onHandNeverGoesBelowTheReservedUnits() {
        StockLevel level = level(5, 3);
        assertThatThrownBy(() -> level.setOnHand(2, NOW))
                .isInstanceOfSatisfying(
                        InvalidCatalogInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("onHand"));
        assertThatThrownBy(() -> level.adjust(-3, NOW))
                .isInstanceOf(InvalidCatalogInputException.class)
                .hasMessageContaining("below the 3 reserved");
        level.adjust(-2, NOW);
        assertThat(level.onHand()).isEqualTo(3);
    }

    @Test
    void adjustmentsNeitherOverflowNorPassTheMaximum() {
        StockLevel level = level(5, 0);
        assertThatThrownBy(() -> level.adjust(Long.MAX_VALUE, NOW))
                .isInstanceOf(InvalidCatalogInputException.class)
                .hasMessageContaining("overflows");
        assertThatThrownBy(() -> level.adjust(CatalogRules.STOCK_MAX, NOW))
                .isInstanceOf(InvalidCatalogInputException.class);
        assertThat(level.onHand()).isEqualTo(5);
    }

    @Test
    void shippingTakesUnitsFromOnHandAndReserved() {
        StockLevel level = level(5, 3);
        level.ship(2, NOW);
        assertThat(level.onHand()).isEqualTo(3);
        assertThat(level.reserved()).isEqualTo(1);
        assertThatThrownBy(() -> level.ship(2, NOW)).isInstanceOf(IllegalStateException.class);
    }
}
