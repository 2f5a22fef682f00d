package io.caravan.platform.commerce.application;

import io.caravan.platform.commerce.domain.IdempotencyRecord;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's record of Idempotency-Key → outcome for storefront writes (order placement):
 * claimed in its own transaction before any work, completed with the answer given. The same key
 * with the same request gets the same answer for at least {@code caravan.commerce.idempotency-retention}
 * (24 h, never less); the same key with another request is refused; a repeat that arrives while
 * the first is still working waits for its answer (bounded) instead of doing the work twice.
 */
@ApplicationScoped
public class IdempotentRequests {
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{8,255}");
    private static final Duration MINIMUM_RETENTION = Duration.ofHours(24);

    @Inject
    StoreScopedPersistence persistence;

    @Inject
    Clock clock;

    /** This bean through its proxy, so the transactions of the methods it calls apply. */
    @Inject
    IdempotentRequests self;

    @Inject
    @ConfigProperty(name = "caravan.commerce.idempotency-retention", defaultValue = "PT24H")
    Duration retention;

    /** What a claim found. */
    public sealed interface Claim {
        /** Nobody used the key: do the work, then {@link #complete} (or {@link #abandon}) this record. */
        record Fresh(String recordId) implements Claim {}

        /** The key was used with the same request and answered: give the same answer. */
        record Replay(int status, String body) implements Claim {}

        /**
         * The key is being worked on by another request, claimed at {@code since} (a request whose
         * node died keeps it so until a repeat takes it over).
         */
        record InProgress(String recordId, Instant since) implements Claim {}
    }

    /** Checks the key's syntax: 8–255 visible ASCII characters (a UUID fits). */
    public static String checkKey(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException(
                    "Idempotency-Key header is required: send a unique key per order attempt (e.g. a UUID)");
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException("Idempotency-Key must be 8 to 255 visible ASCII characters without spaces");
        }
        return key;
    }

    /** The SHA-256 of a request's canonical form, hex. */
    public static String hash(String canonicalRequest) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Claims a key for a request, in its own transaction; two concurrent claims of one key cannot
     * both succeed (the unique key decides, the loser reads the winner's record).
     *
     * @throws StateConflictException when the key was used with a different request
     */
    public Claim claim(String storeId, String operation, String key, String requestHash) {
        try {
            return self.tryClaim(storeId, operation, key, requestHash);
        } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
            // a concurrent request inserted the same key first: read what it holds
            return self.find(storeId, operation, key)
                    .map(existing -> answerFor(existing, requestHash))
                    .orElseThrow(() -> e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim tryClaim(String storeId, String operation, String key, String requestHash) {
        EntityManager em = persistence.forStore(storeId);
        Optional<IdempotencyRecord> existing = lookup(em, operation, key);
        if (existing.isPresent()) {
            return answerFor(existing.get(), requestHash);
        }
        Instant now = clock.instant();
        Duration kept = retention.compareTo(MINIMUM_RETENTION) < 0 ? MINIMUM_RETENTION : retention;
        IdempotencyRecord fresh =
                new IdempotencyRecord(UUID.randomUUID().toString(), operation, key, requestHash, now, now.plus(kept));
        em.persist(fresh);
        em.flush();
        return new Claim.Fresh(fresh.id());
    }

    private static Claim answerFor(IdempotencyRecord existing, String requestHash) {
        if (!existing.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReusedException(
                    "Idempotency-Key was already used with a different request body; use a new key for a"
                            + " new request");
        }
        return existing.completed()
                ? new Claim.Replay(existing.responseStatus(), existing.responseBody())
                : new Claim.InProgress(existing.id(), existing.claimedAt());
    }

    /** Reads a key's record in a transaction of its own (for a repeat waiting on the first). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> current(String storeId, String operation, String key, String requestHash) {
        return lookup(persistence.forStore(storeId), operation, key).map(r -> answerFor(r, requestHash));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<IdempotencyRecord> find(String storeId, String operation, String key) {
        return lookup(persistence.forStore(storeId), operation, key);
    }

    /**
     * Takes a key over from the request that claimed it at {@code since} and never answered (its node
     * died with it): true for exactly one of several repeats doing this at once (the record's row
     * lock, then its claim time must still be {@code since}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean takeOver(String storeId, String recordId, Instant since) {
        IdempotencyRecord record =
                persistence.forStore(storeId).find(IdempotencyRecord.class, recordId, LockModeType.PESSIMISTIC_WRITE);
        if (record == null || record.completed() || !record.claimedAt().equals(since)) {
            return false;
        }
        record.takeOver(clock.instant());
        return true;
    }

    /** Stores the answer given for a claimed key. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(String storeId, String recordId, int status, String body) {
        IdempotencyRecord record = persistence.forStore(storeId).find(IdempotencyRecord.class, recordId);
        if (record != null) {
            record.complete(status, body);
        }
    }

    /** Gives a claimed key up (the work failed on the platform's side): the client may retry with it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void abandon(String storeId, String recordId) {
        EntityManager em = persistence.forStore(storeId);
        IdempotencyRecord record = em.find(IdempotencyRecord.class, recordId);
        if (record != null && !record.completed()) {
            em.remove(record);
        }
    }

    /** Deletes the store's records past their retention. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired(String storeId) {
        return persistence
                .forStore(storeId)
                .createQuery("delete from IdempotencyRecord r where r.expiresAt < :now")
                .setParameter("now", clock.instant())
                .executeUpdate();
    }

    private static Optional<IdempotencyRecord> lookup(EntityManager em, String operation, String key) {
        return em.createQuery(
                        "select r from IdempotencyRecord r where r.operation = :operation and r.key = :key",
                        IdempotencyRecord.class)
                .setParameter("operation", operation)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }
}
