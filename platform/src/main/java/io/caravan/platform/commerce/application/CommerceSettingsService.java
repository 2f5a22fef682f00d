package io.caravan.platform.commerce.application;

import io.caravan.platform.commerce.domain.CommerceSettings;
import io.caravan.platform.commerce.domain.CommerceSettings.CaptureMode;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;

/** A store's checkout settings; a store that never set them gets the defaults (capture at once, 15 %). */
@ApplicationScoped
public class CommerceSettingsService {
    @Inject
    StoreScopedPersistence persistence;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    CommerceSettingsService self;

    /**
     * The settings, or the defaults when the store never set them (nothing is written: concurrent
     * first checkouts of a new store must not race to create the row).
     */
    @Transactional
    public CommerceSettings settings(String storeId) {
        CommerceSettings existing = persistence
                .forStore(storeId)
                .createQuery("select s from CommerceSettings s", CommerceSettings.class)
                .getResultStream()
                .findFirst()
                .orElse(null);
        return existing != null
                ? existing
                : new CommerceSettings(
                        storeId,
                        CaptureMode.AT_ONCE,
                        CommerceSettings.DEFAULT_SHIPPING_WARNING_PERCENT,
                        clock.instant());
    }

    /**
     * The settings row locked for the rest of the transaction (order numbers are handed out under
     * it, so two placements never get the same number).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CommerceSettings locked(String storeId) {
        return find(persistence.forStore(storeId), storeId, true);
    }

    /**
     * Creates the store's settings row if it is missing, in a transaction of its own, so that two
     * first orders of a store racing to create it cannot fail each other: call before
     * {@link #locked} in a new transaction.
     */
    public void ensureExists(String storeId) {
        try {
            self.create(storeId);
        } catch (RuntimeException e) {
            // a concurrent first order created it: the row exists, which is all we need
            if (self.settingsIfAny(storeId) == null) {
                throw e;
            }
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String storeId) {
        find(persistence.forStore(storeId), storeId, false);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CommerceSettings settingsIfAny(String storeId) {
        return persistence
                .forStore(storeId)
                .createQuery("select s from CommerceSettings s", CommerceSettings.class)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    @Transactional
    public CommerceSettings update(StoreContext store, String captureMode, Integer warningPercent) {
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        CaptureMode mode = null;
        try {
            mode = captureMode == null ? null : CaptureMode.valueOf(captureMode);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (mode == null) {
            errors.add("captureMode", "must be one of " + Arrays.toString(CaptureMode.values()));
        }
        if (warningPercent == null || warningPercent < 0 || warningPercent > 1000) {
            errors.add("shippingWarningPercent", "must be a whole percentage from 0 to 1000");
        }
        errors.throwIfAny();
        EntityManager em = persistence.forStore(store.storeId());
        CommerceSettings settings = find(em, store.storeId(), true);
        String before = settings.captureMode() + ", " + settings.shippingWarningPercent() + " %";
        settings.change(mode, warningPercent, clock.instant());
        audit.record(
                store.storeId(),
                new AuditEntry(
                        store.actor(),
                        "commerce.settings.updated",
                        "checkout",
                        "capture " + before + " -> " + mode + ", " + warningPercent + " %",
                        clock.instant()));
        return settings;
    }

    private CommerceSettings find(EntityManager em, String storeId, boolean lock) {
        CommerceSettings existing = em.createQuery("select s from CommerceSettings s", CommerceSettings.class)
                .setLockMode(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (existing != null) {
            return existing;
        }
        // the row's id is the store's id: a second row for the store cannot exist
        CommerceSettings created = new CommerceSettings(
                storeId, CaptureMode.AT_ONCE, CommerceSettings.DEFAULT_SHIPPING_WARNING_PERCENT, clock.instant());
        em.persist(created);
        em.flush();
        if (lock) {
            em.lock(created, LockModeType.PESSIMISTIC_WRITE);
        }
        return created;
    }
}
