package io.caravan.platform.tenancy.application;

import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import io.caravan.platform.tenancy.domain.InvalidStoreException;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreRepository;
import io.caravan.platform.tenancy.domain.StoreSlug;
import io.caravan.platform.tenancy.domain.StoreStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Platform-admin operations on stores: find, list, suspend, reactivate, read any store's audit trail. */
@ApplicationScoped
public class StoreLifecycle {
    @Inject
    StoreRepository stores;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public Store find(String slug) {
        return load(slug);
    }

    @Transactional
    public Page<Store> list(StoreStatus status, String text, PageRequest page) {
        return stores.search(status, text, page);
    }

    @Transactional
    public Store suspend(String slug, String reason, Actor actor) {
        Store store = load(slug);
        Instant now = clock.instant();
        store.suspend(reason, now);
        audit.record(store.id(), new AuditEntry(actor, "store.suspended", slug, reason, now));
        return store;
    }

    @Transactional
    public Store reactivate(String slug, Actor actor) {
        Store store = load(slug);
        Instant now = clock.instant();
        store.reactivate(now);
        audit.record(store.id(), new AuditEntry(actor, "store.reactivated", slug, null, now));
        return store;
    }

    @Transactional
    public Page<AuditEntry> auditTrail(String slug, PageRequest page) {
        return audit.list(load(slug).id(), page);
    }

    private Store load(String slug) {
        try {
            return stores.findBySlug(new StoreSlug(slug))
                    .orElseThrow(() -> new NotFoundException("No store '" + slug + "'."));
        } catch (InvalidStoreException e) {
            throw new NotFoundException("No store '" + slug + "'.");
        }
    }
}
