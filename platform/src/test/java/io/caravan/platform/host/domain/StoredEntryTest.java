package io.caravan.platform.host.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A storage entry: versions grow across delete and re-create; expiry hides a value; values are copied. */
class StoredEntryTest {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aNewEntryHoldsNothingAtVersionZero() {
        StoredEntry entry = new StoredEntry("echo", "calls");

        assertThat(entry.key()).isEqualTo("calls");
        assertThat(entry.version()).isZero();
        assertThat(entry.value()).isNull();
        assertThat(entry.sizeBytes()).isZero();
        assertThat(entry.isPresent(T0)).isFalse();
    }

    @Test
    void everyWriteBumpsTheVersionEvenADelete() {
        StoredEntry entry = new StoredEntry("echo", "calls");

        assertThat(entry.write(new byte[] {1, 2, 3}, null, T0)).isEqualTo(1);
        assertThat(entry.sizeBytes()).isEqualTo(3);
        assertThat(entry.isPresent(T0)).isTrue();
        assertThat(entry.write(null, T0.plusSeconds(9), T0)).isEqualTo(2);
        assertThat(entry.value()).isNull();
        assertThat(entry.sizeBytes()).isZero();
        assertThat(entry.expiresAt()).as("a deletion has no expiry").isNull();
        assertThat(entry.isPresent(T0)).isFalse();
        assertThat(entry.write(new byte[] {4}, null, T0)).isEqualTo(3);
        assertThat(entry.version()).isEqualTo(3);
    }

    @Test
    void anEntryIsGoneFromTheMomentItExpires() {
        StoredEntry entry = new StoredEntry("echo", "session");
        entry.write(new byte[] {1}, T0.plusSeconds(60), T0);

        assertThat(entry.expiresAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(entry.isPresent(T0.plusSeconds(59))).isTrue();
        assertThat(entry.isPresent(T0.plusSeconds(60))).isFalse();
    }

    @Test
    void theValueIsCopiedInAndOut() {
        StoredEntry entry = new StoredEntry("echo", "k");
        byte[] written = {1, 2};
        entry.write(written, null, T0);
        written[0] = 9;

        byte[] read = entry.value();
        assertThat(read).containsExactly(1, 2);
        read[1] = 9;
        assertThat(entry.value()).containsExactly(1, 2);
    }
}
