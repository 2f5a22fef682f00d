package io.caravan.platform.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreStateException;
import io.caravan.platform.tenancy.domain.StoreStatus;
import org.junit.jupiter.api.Test;

/** Platform admins suspend and reactivate stores; every change names who did it, and why. */
class StoreLifecycleTest {
    final InMemoryTenancy tenancy = new InMemoryTenancy();
    final StoreLifecycle lifecycle = new StoreLifecycle();
    final Store shop = tenancy.store("lisbon-ceramics");
    final Actor ada = Actor.user("ada");

    StoreLifecycleTest() {
        lifecycle.stores = tenancy.stores;
        lifecycle.audit = tenancy.audit;
        lifecycle.clock = tenancy.clock;
    }

    @Test
    void suspendingRecordsTheReasonAndWhoDidIt() {
        Store suspended = lifecycle.suspend("lisbon-ceramics", "fraud review", ada);

        assertThat(suspended.status()).isEqualTo(StoreStatus.SUSPENDED);
        assertThat(suspended.statusReason()).isEqualTo("fraud review");
        assertThat(suspended.updatedAt()).isEqualTo(InMemoryTenancy.NOW);
        AuditEntry entry = tenancy.audit.of(shop.id()).getFirst();
        assertThat(entry.action()).isEqualTo("store.suspended");
        assertThat(entry.actor()).isEqualTo("ada");
        assertThat(entry.actorKind()).isEqualTo("USER");
        assertThat(entry.target()).isEqualTo("lisbon-ceramics");
        assertThat(entry.detail()).isEqualTo("fraud review");
    }

    @Test
    void reactivatingClearsTheReasonAndIsAudited() {
        lifecycle.suspend("lisbon-ceramics", "fraud review", ada);

        Store active = lifecycle.reactivate("lisbon-ceramics", ada);

        assertThat(active.isActive()).isTrue();
        assertThat(active.statusReason()).isNull();
        assertThat(lifecycle
                        .auditTrail("lisbon-ceramics", new PageRequest(0, 10))
                        .items())
                .extracting(AuditEntry::action)
                .containsExactly("store.reactivated", "store.suspended");
    }

    @Test
    void aChangeThatDoesNotApplyIsAConflictAndNotAudited() {
        assertThatThrownBy(() -> lifecycle.reactivate("lisbon-ceramics", ada)).isInstanceOf(StoreStateException.class);
        assertThat(tenancy.audit.of(shop.id())).isEmpty();
    }

    @Test
    void unknownAndInvalidSlugsAreNotFound() {
        assertThatThrownBy(() -> lifecycle.find("no-such-shop"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No store 'no-such-shop'.");
        assertThatThrownBy(() -> lifecycle.suspend("NOT A SLUG", "x", ada))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No store 'NOT A SLUG'.");
        assertThat(lifecycle.find("lisbon-ceramics")).isSameAs(shop);
    }

    @Test
    void listingPassesTheFilterToTheRepository() {
        tenancy.store("osaka-tea");
        lifecycle.suspend("osaka-tea", "unpaid", ada);

        assertThat(lifecycle
                        .list(StoreStatus.SUSPENDED, null, new PageRequest(0, 10))
                        .items())
                .extracting(s -> s.slug().value())
                .containsExactly("osaka-tea");
        assertThat(lifecycle.list(null, "lisbon", new PageRequest(0, 10)).items())
                .containsExactly(shop);
    }
}
