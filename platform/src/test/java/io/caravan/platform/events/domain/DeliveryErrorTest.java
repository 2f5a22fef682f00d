package io.caravan.platform.events.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryErrorTest {
    @Test
    void a_long_message_is_cut_with_a_marker_and_fits_the_column() {
        String kept = DeliveryError.of("x".repeat(5000));
        assertThat(kept).hasSize(DeliveryError.MAX_LENGTH).endsWith(DeliveryError.TRUNCATED);
    }

    @Test
    void a_short_message_stays_as_it_is_on_one_line() {
        assertThat(DeliveryError.of("boom\n\tat com.example.Listener.onEvent(Listener.java:12)"))
                .isEqualTo("boom at com.example.Listener.onEvent(Listener.java:12)");
        assertThat(DeliveryError.of("exactly".repeat(1))).isEqualTo("exactly");
        assertThat(DeliveryError.of("y".repeat(DeliveryError.MAX_LENGTH))).doesNotEndWith(DeliveryError.TRUNCATED);
    }

    @Test
    void no_message_says_so() {
        assertThat(DeliveryError.of(null)).isEqualTo("no reason given");
        assertThat(DeliveryError.of("  ")).isEqualTo("no reason given");
    }
}
