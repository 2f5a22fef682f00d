package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.AllocationLine;
import io.caravan.platform.catalog.domain.InsufficientStockException;
import io.caravan.platform.catalog.domain.InvalidCatalogInputException;
import io.caravan.platform.catalog.domain.ReservationStatus;
import io.caravan.platform.catalog.domain.StockLevel;
import io.caravan.platform.catalog.domain.StockReservation;
import io.caravan.platform.catalog.domain.Variant;
import io.caravan.platform.catalog.domain.Violations;
import io.caravan.platform.catalog.domain.Warehouse;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Claims on stock units, held for a checkout or an order (the holder: its id, at most 64
 * characters). Every method joins the caller's transaction ({@code MANDATORY}): the order and its
 * reservation commit together, or neither does.
 *
 * <p>Never oversells: the stock rows a call touches are locked ({@code select … for update}) in
 * the order of their ids — so two calls never wait on each other in a circle — and the available
 * units are checked under the lock; the table's check (reserved ≤ on hand) is the last guard.
 * Concurrent reservations of the last units therefore succeed for exactly the units there are.
 */
@ApplicationScoped
public class StockReservations {
    /** A holder id: what the checkout and order code use (UUIDs, order numbers). */
    public static final int HOLDER_MAX = 64;

    @Inject
    StoreScopedPersistence persistence;

    @Inject
    Clock clock;

    /** One reservation line as stored. */
    public record Held(
            String holder, String warehouse, String sku, long quantity, ReservationStatus status, Instant expiresAt) {
        static Held of(StockReservation r) {
            return new Held(r.holder(), r.warehouse(), r.sku(), r.quantity(), r.status(), r.expiresAt());
        }
    }

    /**
     * Reserves every line for {@code holder} until {@code expiresAt}, or nothing. Lines of the same
     * holder add up; a holder's earlier lines keep their expiry.
     *
     * @throws InsufficientStockException naming each unknown SKU and each SKU short in its warehouse
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Held> reserve(String storeId, String holder, List<AllocationLine> lines, Instant expiresAt) {
        requireHolder(holder);
        Instant now = clock.instant();
        Violations violations = new Violations();
        if (lines == null || lines.isEmpty()) {
            violations.add("lines", "needs at least one line (warehouse, sku, quantity)");
        } else {
            for (int i = 0; i < lines.size(); i++) {
                AllocationLine line = lines.get(i);
                if (line == null) {
                    violations.add("lines[" + i + "]", "must be a line");
                    continue;
                }
                if (line.warehouse() == null || line.warehouse().isBlank()) {
                    violations.add("lines[" + i + "].warehouse", "is required");
                }
                if (line.sku() == null || line.sku().isBlank()) {
                    violations.add("lines[" + i + "].sku", "is required");
                }
                if (line.quantity() <= 0) {
                    violations.add("lines[" + i + "].quantity", "must be at least 1");
                }
            }
        }
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            violations.add("expiresAt", "must be in the future");
        }
        violations.throwIfAny();
        EntityManager em = persistence.forStore(storeId);
        Map<String, Warehouse> warehouses = new HashMap<>();
        Warehouses.all(em).forEach(w -> warehouses.put(w.code(), w));
        Map<String, Variant> variants = new HashMap<>();
        CatalogReads.variantsBySku(
                        em, lines.stream().map(AllocationLine::sku).distinct().toList())
                .forEach(v -> variants.put(v.sku(), v));
        List<String> unknown = new ArrayList<>();
        // (warehouse, sku) → units, in the caller's order
        Map<List<String>, Long> wanted = new LinkedHashMap<>();
        for (AllocationLine line : lines) {
            Warehouse w = warehouses.get(line.warehouse());
            if (!variants.containsKey(line.sku())) {
                if (!unknown.contains(line.sku())) {
                    unknown.add(line.sku());
                }
                continue;
            }
            if (w == null || !w.active()) {
                throw new InsufficientStockException(
                        List.of(), List.of(new InsufficientStockException.Shortage(line.sku(), line.quantity(), 0)));
            }
            wanted.merge(List.of(w.id(), line.sku()), line.quantity(), Math::addExact);
        }
        if (!unknown.isEmpty()) {
            throw new InsufficientStockException(unknown, List.of());
        }
        // lock in stock-row id order: concurrent reservations never deadlock
        TreeMap<String, Map.Entry<List<String>, Long>> byStockRow = new TreeMap<>();
        List<InsufficientStockException.Shortage> shortages = new ArrayList<>();
        Map<String, StockLevel> rows = new HashMap<>();
        for (Map.Entry<List<String>, Long> want : wanted.entrySet()) {
            Variant variant = variants.get(want.getKey().get(1));
            // the id only: the row itself is read under its lock below, never before
            String stockId = em.createQuery(
                            "select s.id from StockLevel s where s.variantId = :variant and s.warehouseId = :warehouse",
                            String.class)
                    .setParameter("variant", variant.id())
                    .setParameter("warehouse", want.getKey().get(0))
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            if (stockId == null) {
                shortages.add(new InsufficientStockException.Shortage(variant.sku(), want.getValue(), 0));
            } else {
                byStockRow.put(stockId, want);
            }
        }
        for (String stockId : byStockRow.keySet()) {
            rows.put(stockId, em.find(StockLevel.class, stockId, LockModeType.PESSIMISTIC_WRITE));
        }
        for (Map.Entry<String, Map.Entry<List<String>, Long>> e : byStockRow.entrySet()) {
            StockLevel level = rows.get(e.getKey());
            long units = e.getValue().getValue();
            if (level.available() < units) {
                shortages.add(new InsufficientStockException.Shortage(
                        e.getValue().getKey().get(1), units, level.available()));
            }
        }
        if (!shortages.isEmpty()) {
            throw new InsufficientStockException(List.of(), shortages);
        }
        Map<String, StockReservation> existing = new HashMap<>();
        lines(em, holder).forEach(r -> existing.put(r.stockId(), r));
        Map<String, String> codes = new HashMap<>();
        warehouses.values().forEach(w -> codes.put(w.id(), w.code()));
        for (Map.Entry<String, Map.Entry<List<String>, Long>> e : byStockRow.entrySet()) {
            StockLevel level = rows.get(e.getKey());
            long units = e.getValue().getValue();
            level.tryReserve(units, now);
            StockReservation line = existing.get(level.id());
            if (line == null) {
                line = new StockReservation(
                        holder,
                        level.id(),
                        e.getValue().getKey().get(1),
                        codes.get(level.warehouseId()),
                        units,
                        expiresAt,
                        now);
                em.persist(line);
                existing.put(level.id(), line);
            } else {
                line.add(units);
            }
        }
        em.flush();
        return existing.values().stream().map(Held::of).toList();
    }

    /** The order now holds the units: no expiry any more. An expired hold cannot be committed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Held> commit(String storeId, String holder) {
        EntityManager em = persistence.forStore(storeId);
        List<StockReservation> held = requireLines(em, holder);
        Instant now = clock.instant();
        if (held.stream()
                .anyMatch(r ->
                        r.status() == ReservationStatus.HELD && !r.expiresAt().isAfter(now))) {
            throw new StateConflictException(
                    "The reservation of " + holder + " has expired; reserve the stock again. Nothing was changed.");
        }
        held.forEach(StockReservation::commit);
        em.flush();
        return held.stream().map(Held::of).toList();
    }

    /** Gives every unit of the holder back; 0 when it holds nothing (already released or expired). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int release(String storeId, String holder) {
        EntityManager em = persistence.forStore(storeId);
        List<StockReservation> held = lines(em, holder);
        releaseLines(em, held, clock.instant());
        return held.size();
    }

    /** Moves the expiry of a checkout's hold (committed holds have none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Held> extend(String storeId, String holder, Instant until) {
        if (until == null || !until.isAfter(clock.instant())) {
            throw InvalidCatalogInputException.of("expiresAt", "must be in the future");
        }
        EntityManager em = persistence.forStore(storeId);
        List<StockReservation> held = requireLines(em, holder);
        if (held.stream().anyMatch(r -> r.status() == ReservationStatus.COMMITTED)) {
            throw new StateConflictException("The reservation of " + holder + " is committed: it has no expiry.");
        }
        held.forEach(r -> r.extend(until));
        em.flush();
        return held.stream().map(Held::of).toList();
    }

    /**
     * Units shipped from a warehouse: on hand and reserved both go down, and the holder's line by
     * as many (deleted at zero).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consume(String storeId, String holder, String warehouse, String sku, long quantity) {
        if (quantity <= 0) {
            throw InvalidCatalogInputException.of("quantity", "must be at least 1");
        }
        EntityManager em = persistence.forStore(storeId);
        StockReservation line = lines(em, holder).stream()
                .filter(r -> r.warehouse().equals(warehouse) && r.sku().equals(sku))
                .findFirst()
                .orElseThrow(
                        () -> new NotFoundException(holder + " holds no " + sku + " in warehouse " + warehouse + "."));
        if (quantity > line.quantity()) {
            throw new StateConflictException(holder + " holds " + line.quantity() + " of " + sku + " in " + warehouse
                    + ", not " + quantity + ".");
        }
        StockLevel level = em.find(StockLevel.class, line.stockId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        level.ship(quantity, now);
        line.remove(quantity);
        if (line.quantity() == 0) {
            em.remove(line);
        }
        em.flush();
    }

    /** What a holder has. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Held> held(String storeId, String holder) {
        return lines(persistence.forStore(storeId), holder).stream()
                .map(Held::of)
                .toList();
    }

    /** Every reservation line of the store, newest first (the merchant's view). */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Held> all(String storeId, int limit) {
        return persistence
                .forStore(storeId)
                .createQuery("select r from StockReservation r order by r.createdAt desc, r.id", StockReservation.class)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(Held::of)
                .toList();
    }

    /** Releases the store's holds that expired before {@code now}; how many lines. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseExpired(String storeId, Instant now) {
        EntityManager em = persistence.forStore(storeId);
        List<StockReservation> expired = em.createQuery(
                        "select r from StockReservation r where r.status = :held and r.expiresAt <= :now",
                        StockReservation.class)
                .setParameter("held", ReservationStatus.HELD)
                .setParameter("now", now)
                .setMaxResults(1000)
                .getResultList();
        releaseLines(em, expired, now);
        return expired.size();
    }

    private static void releaseLines(EntityManager em, List<StockReservation> lines, Instant now) {
        List<StockReservation> ordered = new ArrayList<>(lines);
        ordered.sort(java.util.Comparator.comparing(StockReservation::stockId));
        for (StockReservation line : ordered) {
            StockLevel level = em.find(StockLevel.class, line.stockId(), LockModeType.PESSIMISTIC_WRITE);
            level.unreserve(line.quantity(), now);
            em.remove(line);
        }
        em.flush();
    }

    private static List<StockReservation> lines(EntityManager em, String holder) {
        return em.createQuery(
                        "select r from StockReservation r where r.holder = :holder order by r.stockId",
                        StockReservation.class)
                .setParameter("holder", holder)
                .getResultList();
    }

    private static List<StockReservation> requireLines(EntityManager em, String holder) {
        List<StockReservation> held = lines(em, holder);
        if (held.isEmpty()) {
            throw new NotFoundException("No stock is reserved for " + holder + " (released or expired).");
        }
        return held;
    }

    static void requireHolder(String holder) {
        if (holder == null || holder.isBlank() || holder.length() > HOLDER_MAX) {
            throw InvalidCatalogInputException.of("holder", "is required, at most " + HOLDER_MAX + " characters");
        }
    }
}
