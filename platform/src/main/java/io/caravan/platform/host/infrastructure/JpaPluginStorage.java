package io.caravan.platform.host.infrastructure;

import io.caravan.platform.host.domain.StoredEntry;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.sdk.plugin.PluginStorage;
import io.caravan.sdk.plugin.StorageLimitExceededException;
import io.caravan.sdk.plugin.StoredValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The database side of plugin storage: each operation is its own transaction, bound to the one
 * store it is for (both isolation walls apply), with the entry row locked while it is changed so
 * compare-and-set is atomic across threads and nodes. Inputs are validated by the caller
 * ({@code DatabasePluginStorage}).
 */
@ApplicationScoped
public class JpaPluginStorage {
    @Inject
    StoreScopedPersistence persistence;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<StoredValue> get(String storeId, String pluginId, String key) {
        Instant now = clock.instant();
        return find(persistence.forStore(storeId), pluginId, key, false)
                .filter(e -> e.isPresent(now))
                .map(e -> new StoredValue(e.value(), e.version(), e.expiresAt()));
    }

    /**
     * Writes if {@code expectedVersion} matches: null = always, 0 = only if absent.
     *
     * @return the new version, or empty when the expectation failed
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public OptionalLong write(
            String storeId, String pluginId, String key, Long expectedVersion, byte[] value, Instant expiresAt) {
        EntityManager em = persistence.forStore(storeId);
        Instant now = clock.instant();
        Optional<StoredEntry> existing = find(em, pluginId, key, true);
        boolean present = existing.map(e -> e.isPresent(now)).orElse(false);
        if (expectedVersion != null) {
            if (expectedVersion == 0 ? present : !present || existing.get().version() != expectedVersion) {
                return OptionalLong.empty();
            }
        }
        long freed = present ? existing.get().sizeBytes() : 0;
        requireQuota(em, pluginId, now, present ? 0 : 1, value.length - freed);
        StoredEntry entry = existing.orElseGet(() -> {
            StoredEntry created = new StoredEntry(pluginId, key);
            em.persist(created);
            return created;
        });
        return OptionalLong.of(entry.write(value, expiresAt, now));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean delete(String storeId, String pluginId, String key) {
        Instant now = clock.instant();
        Optional<StoredEntry> existing = find(persistence.forStore(storeId), pluginId, key, true);
        if (existing.isEmpty() || !existing.get().isPresent(now)) {
            return false;
        }
        existing.get().write(null, null, now);
        return true;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> keys(String storeId, String pluginId, String prefix, int limit) {
        Instant now = clock.instant();
        return persistence
                .forStore(storeId)
                .createQuery(
                        "select e.key from StoredEntry e where e.pluginId = :plugin and e.key like :prefix escape '!'"
                                + " and e.value is not null and (e.expiresAt is null or e.expiresAt > :now) order by e.key",
                        String.class)
                .setParameter("plugin", pluginId)
                .setParameter(
                        "prefix", prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Removes every entry of a plugin in a store (uninstall). */
    @Transactional(Transactional.TxType.REQUIRED)
    public int deleteAll(String storeId, String pluginId) {
        return persistence
                .forStore(storeId)
                .createQuery("delete from StoredEntry e where e.pluginId = :plugin")
                .setParameter("plugin", pluginId)
                .executeUpdate();
    }

    private static Optional<StoredEntry> find(EntityManager em, String pluginId, String key, boolean lock) {
        var query = em.createQuery(
                        "select e from StoredEntry e where e.pluginId = :plugin and e.key = :key", StoredEntry.class)
                .setParameter("plugin", pluginId)
                .setParameter("key", key);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    private static void requireQuota(
            EntityManager em, String pluginId, Instant now, int addedEntries, long addedBytes) {
        Object[] usage = em.createQuery(
                        "select count(e), coalesce(sum(e.sizeBytes), 0) from StoredEntry e"
                                + " where e.pluginId = :plugin and e.value is not null and (e.expiresAt is null or e.expiresAt > :now)",
                        Object[].class)
                .setParameter("plugin", pluginId)
                .setParameter("now", now)
                .getSingleResult();
        long entries = ((Number) usage[0]).longValue() + addedEntries;
        long bytes = ((Number) usage[1]).longValue() + addedBytes;
        if (entries > PluginStorage.MAX_ENTRIES) {
            throw new StorageLimitExceededException(
                    "the plugin already holds " + PluginStorage.MAX_ENTRIES + " entries in this store");
        }
        if (bytes > PluginStorage.MAX_TOTAL_BYTES) {
            throw new StorageLimitExceededException("the plugin's values would take " + bytes
                    + " bytes in this store; the limit is " + PluginStorage.MAX_TOTAL_BYTES);
        }
    }
}
