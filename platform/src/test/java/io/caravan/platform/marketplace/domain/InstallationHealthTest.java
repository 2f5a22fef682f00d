package io.caravan.platform.marketplace.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.marketplace.domain.InstallationHealth.Status;
import io.caravan.platform.marketplace.domain.InstallationHealth.Transition;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstallationHealthTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Test
    void a_new_row_is_due_and_one_claim_at_a_time_holds_it_until_its_lease_passes() {
        InstallationHealth h = new InstallationHealth("inst-1", T0);
        assertThat(h.claimable(T0, T0)).isTrue();

        String token = h.claim(T0, LEASE);

        assertThat(h.leased(T0.plusSeconds(29))).isTrue();
        assertThat(h.claimable(T0.plusSeconds(29), T0)).isFalse();
        // a node that died mid-check: its lease passes and another node may claim
        assertThat(h.claimable(T0.plus(LEASE), T0)).isTrue();
        assertThat(token).isNotBlank();
    }

    @Test
    void a_report_is_recorded_only_under_the_claim_that_is_current() {
        InstallationHealth h = new InstallationHealth("inst-1", T0);
        String stale = h.claim(T0, LEASE);
        String current = h.claim(T0.plus(LEASE), LEASE); // the first lease ran out and was claimed again

        assertThat(h.record(stale, Status.DOWN, "late", "r1", "1.0.0", T0.plusSeconds(40), 5, T0.plusSeconds(100)))
                .isEmpty();
        assertThat(h.status()).isEqualTo(Status.PENDING);

        assertThat(h.record(current, Status.UP, null, "r1", "1.0.0", T0.plusSeconds(41), 7, T0.plusSeconds(341)))
                .contains(Transition.NONE);
        assertThat(h.status()).isEqualTo(Status.UP);
        assertThat(h.tookMillis()).isEqualTo(7L);
        // the token is spent: recording again under it changes nothing
        assertThat(h.record(current, Status.DOWN, "x", "r1", "1.0.0", T0.plusSeconds(42), 1, T0))
                .isEmpty();
        assertThat(h.status()).isEqualTo(Status.UP);
    }

    @Test
    void down_since_is_kept_across_down_reports_and_cleared_on_recovery() {
        InstallationHealth h = new InstallationHealth("inst-1", T0);
        Instant first = T0.plusSeconds(1);
        assertThat(h.record(h.claim(T0, LEASE), Status.DOWN, "refused", "r1", "1.0.0", first, 3, first.plusSeconds(60)))
                .contains(Transition.WENT_DOWN);
        Instant second = T0.plusSeconds(61);
        assertThat(h.record(
                        h.claim(second, LEASE), Status.DOWN, "still", "r1", "1.0.0", second, 3, second.plusSeconds(60)))
                .contains(Transition.NONE);
        assertThat(h.downSince()).isEqualTo(first);
        assertThat(h.detail()).isEqualTo("still");

        Instant third = T0.plusSeconds(121);
        assertThat(h.record(h.claim(third, LEASE), Status.DEGRADED, "slow", "r1", "1.0.0", third, 3, third))
                .contains(Transition.RECOVERED);
        assertThat(h.downSince()).isNull();
    }

    @Test
    void a_checked_row_is_due_again_at_its_time_or_at_once_when_the_installation_changed_after_the_report() {
        InstallationHealth h = new InstallationHealth("inst-1", T0);
        Instant checked = T0.plusSeconds(1);
        Instant next = checked.plus(Duration.ofMinutes(5));
        h.record(h.claim(T0, LEASE), Status.UP, null, "r1", "1.0.0", checked, 2, next);

        assertThat(h.claimable(checked.plusSeconds(10), T0)).isFalse();
        assertThat(h.claimable(next, T0)).isTrue();
        // reconfigured (or upgraded, enabled) after the report: due now
        assertThat(h.claimable(checked.plusSeconds(10), checked.plusSeconds(5))).isTrue();
    }

    @Test
    void a_released_claim_moves_the_next_check_and_frees_the_row() {
        InstallationHealth h = new InstallationHealth("inst-1", T0);
        h.record(h.claim(T0, LEASE), Status.UP, null, "r1", "1.0.0", T0, 2, T0.plusSeconds(300));
        String token = h.claim(T0.plusSeconds(300), LEASE);
        h.release("not-the-token", T0.plusSeconds(900));
        assertThat(h.leased(T0.plusSeconds(301))).isTrue();

        h.release(token, T0.plusSeconds(900));

        assertThat(h.leased(T0.plusSeconds(301))).isFalse();
        assertThat(h.nextCheckAt()).isEqualTo(T0.plusSeconds(900));
    }
}
