package io.caravan.platform.events.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryLagTest {
    @Test
    void percentiles_are_nearest_rank_over_the_window() {
        DeliveryLag lag = new DeliveryLag();
        assertThat(lag.snapshot().lagP50Millis()).isNull();
        for (int ms = 1; ms <= 100; ms++) {
            lag.acknowledged(Duration.ofMillis(ms));
        }
        DeliveryLag.Snapshot s = lag.snapshot();
        assertThat(s.lagSamples()).isEqualTo(100);
        assertThat(s.lagP50Millis()).isEqualTo(50.0);
        assertThat(s.lagP99Millis()).isEqualTo(99.0);
        assertThat(s.lagMaxMillis()).isEqualTo(100.0);
        assertThat(s.delivered()).isEqualTo(100);
    }

    @Test
    void only_the_last_window_of_lags_counts() {
        DeliveryLag lag = new DeliveryLag();
        for (int i = 0; i < DeliveryLag.WINDOW; i++) {
            lag.acknowledged(Duration.ofSeconds(10));
        }
        for (int i = 0; i < DeliveryLag.WINDOW; i++) {
            lag.acknowledged(Duration.ofMillis(2));
        }
        DeliveryLag.Snapshot s = lag.snapshot();
        assertThat(s.lagMaxMillis()).isEqualTo(2.0);
        assertThat(s.lagSamples()).isEqualTo(DeliveryLag.WINDOW);
        assertThat(s.delivered()).isEqualTo(2L * DeliveryLag.WINDOW);
    }
}
