package io.caravan.sdk.plugin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Durable key-value storage private to one plugin in one store: the place for what a plugin
 * must remember between calls (provider ids, dedup markers, cached tokens, ledgers), since it keeps
 * nothing in memory. Backed by the platform database; every node of the platform sees the same
 * data.
 *
 * <p><b>Scope.</b> Keys are scoped to (store, plugin): the same key in another store, or written by
 * another plugin, is another entry. Entries survive upgrades of the plugin. When the store
 * uninstalls the plugin they are kept for the platform's retention period (30 days by default) and
 * come back if the store installs the plugin again within it; after that, or at once when the
 * merchant asks for the data to be purged on uninstall, they are deleted.
 *
 * <p><b>Consistency.</b> Every entry carries a version, a number that grows with each write of
 * that key. A read sees the latest completed write. {@link #compareAndSet} writes only if the entry
 * still has the version you read, so two concurrent calls (two nodes, a retried delivery) cannot
 * both win. Storage is not part of the platform's order transaction, and a claim alone does not
 * make an effect exactly once: claiming a key and then failing before the effect loses it on
 * redelivery (at most once). Pass the platform's key to the provider as its idempotency key where it
 * has one; where it has none, write a "started" marker under the key ({@code compareAndSet(key, 0, …)}),
 * act, then write the outcome; a redelivery that finds a marker without an outcome asks the provider
 * whether the effect happened (a status query) instead of skipping it. See "Idempotency" in the SDK guide.
 *
 * <p><b>Limits</b> per (store, plugin): keys match {@link #KEY_PATTERN}; a value holds at most
 * {@link #MAX_VALUE_BYTES}; at most {@link #MAX_ENTRIES} entries and {@link #MAX_TOTAL_BYTES} in all.
 * A write past a limit throws {@link StorageLimitExceededException}; expired entries do not count.
 * Each operation is a database round trip (about a millisecond): read what you need, not everything.
 */
@ProviderType
public interface PluginStorage {

    /** Keys: 1 to 200 characters among letters, digits and {@code . _ : / -}. */
    String KEY_PATTERN = "[A-Za-z0-9._:/-]{1,200}";

    /** The largest value: 64 KiB. */
    int MAX_VALUE_BYTES = 64 * 1024;

    /** The most entries per (store, plugin). */
    int MAX_ENTRIES = 10_000;

    /** The most bytes of values per (store, plugin): 16 MiB. */
    long MAX_TOTAL_BYTES = 16L * 1024 * 1024;

    /** The most keys one {@link #keys(String, int)} call returns. */
    int MAX_KEYS_PER_CALL = 1_000;

    /**
     * Reads an entry.
     *
     * @param key a key matching {@link #KEY_PATTERN}
     * @return the value and its version, or empty if there is none (or it expired)
     * @throws IllegalArgumentException if the key is invalid
     */
    Optional<StoredValue> get(String key);

    /**
     * Writes an entry, whatever its current version, with no expiry.
     *
     * @param key   a key matching {@link #KEY_PATTERN}
     * @param value at most {@link #MAX_VALUE_BYTES}; copied
     * @return the entry's new version
     * @throws IllegalArgumentException      if the key is invalid
     * @throws StorageLimitExceededException if the value or the store's quota is too large
     */
    long put(String key, byte[] value);

    /**
     * Writes an entry that disappears after a while (dedup markers, cached access tokens).
     *
     * @param key        a key matching {@link #KEY_PATTERN}
     * @param value      at most {@link #MAX_VALUE_BYTES}; copied
     * @param timeToLive how long the entry lives; positive
     * @return the entry's new version
     * @throws IllegalArgumentException      if the key or the time to live is invalid
     * @throws StorageLimitExceededException if the value or the store's quota is too large
     */
    long put(String key, byte[] value, Duration timeToLive);

    /**
     * Writes an entry only if its version is still {@code expectedVersion}.
     *
     * @param key             a key matching {@link #KEY_PATTERN}
     * @param expectedVersion the version last read, or {@code 0} to require that the key is absent
     * @param value           at most {@link #MAX_VALUE_BYTES}; copied
     * @return the new version if written, empty if the entry had another version (read it again and decide)
     * @throws IllegalArgumentException      if the key is invalid or the expected version negative
     * @throws StorageLimitExceededException if the value or the store's quota is too large
     */
    OptionalLong compareAndSet(String key, long expectedVersion, byte[] value);

    /**
     * {@link #compareAndSet(String, long, byte[])} for an entry that disappears after a while.
     *
     * @param key             a key matching {@link #KEY_PATTERN}
     * @param expectedVersion the version last read, or {@code 0} to require that the key is absent
     * @param value           at most {@link #MAX_VALUE_BYTES}; copied
     * @param timeToLive      how long the entry lives; positive
     * @return the new version if written, empty if the entry had another version
     * @throws IllegalArgumentException      if the key, the expected version or the time to live is invalid
     * @throws StorageLimitExceededException if the value or the store's quota is too large
     */
    OptionalLong compareAndSet(String key, long expectedVersion, byte[] value, Duration timeToLive);

    /**
     * Deletes an entry.
     *
     * @param key a key matching {@link #KEY_PATTERN}
     * @return {@code true} if there was an entry
     * @throws IllegalArgumentException if the key is invalid
     */
    boolean delete(String key);

    /**
     * Lists keys in ascending order.
     *
     * @param prefix only keys starting with it; empty for all
     * @param limit  the most keys to return, 1 to {@link #MAX_KEYS_PER_CALL}
     * @return the keys, unmodifiable
     * @throws IllegalArgumentException if the limit is out of range
     */
    List<String> keys(String prefix, int limit);
}
