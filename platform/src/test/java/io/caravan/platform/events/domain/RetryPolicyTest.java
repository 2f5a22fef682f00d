package io.caravan.platform.events.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void the_default_waits_10_20_40_80_160_seconds_then_the_sixth_failure_is_the_last() {
        List<Duration> waits = new ArrayList<>();
        for (int failed = 1; failed <= 5; failed++) {
            waits.add(RetryPolicy.DEFAULT.waitAfter(failed).orElseThrow());
        }
        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(40),
                        Duration.ofSeconds(80),
                        Duration.ofSeconds(160));
        assertThat(RetryPolicy.DEFAULT.waitAfter(6)).isEmpty();
    }

    @Test
    void a_huge_attempt_count_never_overflows_the_wait() {
        RetryPolicy patient = new RetryPolicy(Duration.ofMillis(1), Integer.MAX_VALUE);
        assertThat(patient.waitAfter(Integer.MAX_VALUE - 1)).isEqualTo(Optional.of(Duration.ofMillis(1L << 20)));
    }

    @Test
    void one_attempt_means_no_retry() {
        assertThat(new RetryPolicy(Duration.ofSeconds(1), 1).waitAfter(1)).isEmpty();
    }

    @Test
    void bad_settings_are_refused_by_name() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, 3)).hasMessageContaining("caravan.events.retry-base");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 0))
                .hasMessageContaining("caravan.events.max-attempts");
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.waitAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
