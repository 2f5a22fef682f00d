package io.caravan.platform.catalog.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which warehouses ship an order (pure: the candidates and their stock come in). One
 * warehouse for the whole order when any can ship everything, the best by the rule; otherwise a
 * split over as few warehouses as possible, the best such set by the rule, each SKU filled from
 * the set's best warehouse first. The {@link #MAX_CANDIDATES} best warehouses by the rule are
 * searched exhaustively (a store has a handful); more are not considered for a split.
 */
public final class AllocationPlanner {
    /** Exhaustive search over sets of warehouses stays cheap up to here (2^16 sets). */
    public static final int MAX_CANDIDATES = 16;

    /** A warehouse that serves the destination, with the units available of each requested SKU. */
    public record Candidate(
            String code,
            String name,
            WarehouseKind kind,
            String country,
            int handlingDays,
            long costPerItemMinor,
            String costCurrency,
            int priority,
            Map<String, Long> available) {
        public Candidate {
            available = Map.copyOf(available);
        }

        long availableOf(String sku) {
            return available.getOrDefault(sku, 0L);
        }
    }

    private AllocationPlanner() {}

    /**
     * The plan for {@code requested} (SKUs known to the store) shipped to {@code destination}.
     *
     * @throws InsufficientStockException naming every SKU with fewer units available than asked
     */
    public static AllocationPlan plan(
            List<Requested> requested, String destination, AllocationRule rule, List<Candidate> candidates) {
        Map<String, Long> wanted = merge(requested);
        List<InsufficientStockException.Shortage> shortages = new ArrayList<>();
        wanted.forEach((sku, quantity) -> {
            long total = 0;
            for (Candidate c : candidates) {
                total = Math.addExact(total, c.availableOf(sku));
            }
            if (total < quantity) {
                shortages.add(new InsufficientStockException.Shortage(sku, quantity, total));
            }
        });
        if (!shortages.isEmpty()) {
            throw new InsufficientStockException(List.of(), shortages);
        }
        List<Candidate> ordered = candidates.stream()
                .filter(c -> wanted.keySet().stream().anyMatch(sku -> c.availableOf(sku) > 0))
                .sorted(order(rule))
                .toList();
        int lines = wanted.size();
        for (Candidate c : ordered) {
            if (wanted.entrySet().stream().allMatch(e -> c.availableOf(e.getKey()) >= e.getValue())) {
                String reason = c.name() + ": " + phrase(rule) + " warehouse serving " + destination
                        + " with stock for " + (lines == 1 ? "the line" : "all " + lines + " lines");
                return new AllocationPlan(
                        rule, destination, List.of(consignment(c, new ArrayList<>(wanted.entrySet()), reason)));
            }
        }
        List<Candidate> searched = ordered.subList(0, Math.min(ordered.size(), MAX_CANDIDATES));
        for (int size = 2; size <= searched.size(); size++) {
            List<List<Consignment>> feasible = new ArrayList<>();
            for (List<Candidate> set : combinations(searched, size)) {
                List<Consignment> split = split(set, wanted, destination, rule, size);
                if (split != null) {
                    feasible.add(split);
                }
            }
            if (!feasible.isEmpty()) {
                feasible.sort(splitOrder(rule));
                return new AllocationPlan(rule, destination, feasible.get(0));
            }
        }
        // unreachable: the totals above cover every SKU, so the set of all candidates is feasible
        throw new IllegalStateException("no allocation found although the stock suffices");
    }

    /** Fills each SKU from the set's warehouses in rule order; null when the set cannot ship everything. */
    private static List<Consignment> split(
            List<Candidate> set, Map<String, Long> wanted, String destination, AllocationRule rule, int size) {
        Map<Candidate, List<Map.Entry<String, Long>>> assigned = new LinkedHashMap<>();
        set.forEach(c -> assigned.put(c, new ArrayList<>()));
        for (Map.Entry<String, Long> want : wanted.entrySet()) {
            long left = want.getValue();
            for (Candidate c : set) {
                long take = Math.min(left, c.availableOf(want.getKey()));
                if (take > 0) {
                    assigned.get(c).add(Map.entry(want.getKey(), take));
                    left -= take;
                }
                if (left == 0) {
                    break;
                }
            }
            if (left > 0) {
                return null;
            }
        }
        List<Consignment> consignments = new ArrayList<>();
        for (Map.Entry<Candidate, List<Map.Entry<String, Long>>> e : assigned.entrySet()) {
            if (e.getValue().isEmpty()) {
                return null; // a smaller set ships the same: it was tried first
            }
            String reason = e.getKey().name() + ": " + phrase(rule) + " split serving " + destination
                    + " (no single warehouse has stock for all " + wanted.size() + " lines; " + size
                    + " warehouses needed), ships " + e.getValue().size() + " of " + wanted.size() + " lines";
            consignments.add(consignment(e.getKey(), e.getValue(), reason));
        }
        return consignments;
    }

    private static Consignment consignment(Candidate c, List<Map.Entry<String, Long>> lines, String reason) {
        List<Consignment.Line> planned = lines.stream()
                .map(e -> new Consignment.Line(e.getKey(), e.getValue()))
                .toList();
        long items = planned.stream().mapToLong(Consignment.Line::quantity).reduce(0, Math::addExact);
        return new Consignment(
                c.code(),
                c.name(),
                c.kind(),
                c.country(),
                c.handlingDays(),
                planned,
                Math.multiplyExact(items, c.costPerItemMinor()),
                c.costCurrency(),
                reason);
    }

    private static Map<String, Long> merge(List<Requested> requested) {
        Map<String, Long> wanted = new LinkedHashMap<>();
        for (Requested r : requested) {
            if (r.quantity() <= 0) {
                throw new IllegalArgumentException("requested quantities are positive");
            }
            wanted.merge(r.sku(), r.quantity(), Math::addExact);
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("an allocation needs at least one line");
        }
        return wanted;
    }

    /** The rule's order of single warehouses. */
    static Comparator<Candidate> order(AllocationRule rule) {
        Comparator<Candidate> byPriority = Comparator.comparingInt(Candidate::priority);
        Comparator<Candidate> byCode = Comparator.comparing(Candidate::code);
        Comparator<Candidate> fastest = Comparator.comparingInt(Candidate::handlingDays)
                .thenComparingInt(c -> c.kind().nearness());
        return switch (rule) {
            case PRIORITY -> byPriority.thenComparing(byCode);
            case CHEAPEST ->
                Comparator.comparingLong(Candidate::costPerItemMinor)
                        .thenComparing(fastest)
                        .thenComparing(byPriority)
                        .thenComparing(byCode);
            case FASTEST -> fastest.thenComparing(byPriority).thenComparing(byCode);
        };
    }

    /** The rule's order of splits of the same size. */
    private static Comparator<List<Consignment>> splitOrder(AllocationRule rule) {
        Comparator<List<Consignment>> cost = Comparator.comparingLong(
                s -> s.stream().mapToLong(Consignment::fulfilmentCostMinor).reduce(0, Math::addExact));
        Comparator<List<Consignment>> slowest = Comparator.comparingInt(
                s -> s.stream().mapToInt(Consignment::handlingDays).max().orElse(0));
        Comparator<List<Consignment>> farthest = Comparator.comparingInt(
                s -> s.stream().mapToInt(c -> c.kind().nearness()).max().orElse(0));
        // the candidates were sorted by the rule and combinations keep that order: earlier is better
        Comparator<List<Consignment>> stable = (a, b) -> 0;
        return switch (rule) {
            case PRIORITY -> stable;
            case CHEAPEST -> cost.thenComparing(slowest);
            case FASTEST -> slowest.thenComparing(farthest).thenComparing(cost);
        };
    }

    private static String phrase(AllocationRule rule) {
        return switch (rule) {
            case PRIORITY -> "highest-priority";
            case CHEAPEST -> "cheapest";
            case FASTEST -> "fastest";
        };
    }

    /** Every subset of {@code items} of {@code size}, in lexicographic order of positions. */
    static <T> List<List<T>> combinations(List<T> items, int size) {
        List<List<T>> result = new ArrayList<>();
        int[] index = new int[size];
        for (int i = 0; i < size; i++) {
            index[i] = i;
        }
        int n = items.size();
        while (true) {
            List<T> pick = new ArrayList<>(size);
            for (int i : index) {
                pick.add(items.get(i));
            }
            result.add(pick);
            int i = size - 1;
            while (i >= 0 && index[i] == n - size + i) {
                i--;
            }
            if (i < 0) {
                return result;
            }
            index[i]++;
            for (int j = i + 1; j < size; j++) {
                index[j] = index[j - 1] + 1;
            }
        }
    }
}
