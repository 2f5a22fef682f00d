package io.caravan.platform.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationPlannerTest {
    // Shenzhen: cheap and slow; Rotterdam: overseas, 2 days; Lisbon: local, 2 days, dearer; Prague: partner, 2 days
    static AllocationPlanner.Candidate shenzhen(Map<String, Long> stock) {
        return new AllocationPlanner.Candidate(
                "shenzhen", "Shenzhen", WarehouseKind.ORIGIN_HUB, "CN", 6, 500, "USD", 3, stock);
    }

    static AllocationPlanner.Candidate rotterdam(Map<String, Long> stock) {
        return new AllocationPlanner.Candidate(
                "rotterdam", "Rotterdam", WarehouseKind.OVERSEAS, "NL", 2, 300, "USD", 2, stock);
    }

    static AllocationPlanner.Candidate lisbon(Map<String, Long> stock) {
        return new AllocationPlanner.Candidate("lisbon", "Lisbon", WarehouseKind.LOCAL, "PT", 2, 800, "USD", 1, stock);
    }

    static AllocationPlanner.Candidate prague(Map<String, Long> stock) {
        return new AllocationPlanner.Candidate(
                "prague", "Prague", WarehouseKind.THIRD_PARTY, "CZ", 2, 250, "USD", 4, stock);
    }

    static List<Requested> order(Object... skuAndQuantity) {
        List<Requested> lines = new java.util.ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(new Requested((String) skuAndQuantity[i], ((Number) skuAndQuantity[i + 1]).longValue()));
        }
        return lines;
    }

    static List<String> warehouses(AllocationPlan plan) {
        return plan.consignments().stream().map(Consignment::warehouse).toList();
    }

    @Test
    void priorityPicksTheLowestPriorityNumberThatHasEverything() {
        var all = Map.of("MUG", 5L, "PLATE", 5L);
        AllocationPlan plan = AllocationPlanner.plan(
                order("MUG", 2, "PLATE", 1),
                "DE",
                AllocationRule.PRIORITY,
                List.of(shenzhen(all), rotterdam(all), lisbon(all)));
        assertThat(warehouses(plan)).containsExactly("lisbon");
        assertThat(plan.consignments().get(0).reason())
                .isEqualTo("Lisbon: highest-priority warehouse serving DE with stock for all 2 lines");
        assertThat(plan.lines())
                .containsExactly(new AllocationLine("lisbon", "MUG", 2), new AllocationLine("lisbon", "PLATE", 1));
    }

    @Test
    void cheapestPicksTheLowestCostPerItemAndCountsTheCost() {
        var all = Map.of("MUG", 5L);
        AllocationPlan plan = AllocationPlanner.plan(
                order("MUG", 3), "DE", AllocationRule.CHEAPEST, List.of(shenzhen(all), rotterdam(all), lisbon(all)));
        assertThat(warehouses(plan)).containsExactly("rotterdam");
        assertThat(plan.consignments().get(0).fulfilmentCostMinor()).isEqualTo(900);
        assertThat(plan.consignments().get(0).reason()).startsWith("Rotterdam: cheapest warehouse serving DE");
    }

    @Test
    void fastestPrefersOverseasAndLocalOverAPartnerAndAHubWhenTheDaysAreEqual() {
        var all = Map.of("MUG", 5L);
        AllocationPlan plan = AllocationPlanner.plan(
                order("MUG", 1), "DE", AllocationRule.FASTEST, List.of(prague(all), shenzhen(all), rotterdam(all)));
        assertThat(warehouses(plan)).containsExactly("rotterdam");
        AllocationPlan onlyPartnerAndHub = AllocationPlanner.plan(
                order("MUG", 1), "DE", AllocationRule.FASTEST, List.of(shenzhen(all), prague(all)));
        assertThat(warehouses(onlyPartnerAndHub)).containsExactly("prague");
    }

    @Test
    void oneWarehouseForTheWholeOrderBeatsTheRulesFavouriteWithPartOfIt() {
        // Rotterdam is cheapest but lacks the plate: Shenzhen ships everything in one consignment
        AllocationPlan plan = AllocationPlanner.plan(
                order("MUG", 1, "PLATE", 1),
                "DE",
                AllocationRule.CHEAPEST,
                List.of(rotterdam(Map.of("MUG", 9L)), shenzhen(Map.of("MUG", 9L, "PLATE", 9L))));
        assertThat(warehouses(plan)).containsExactly("shenzhen");
    }

    @Test
    void splitsOverAsFewWarehousesAsPossibleAndExplainsIt() {
        AllocationPlan plan = AllocationPlanner.plan(
                order("MUG", 1, "PLATE", 1, "BOWL", 1),
                "DE",
                AllocationRule.FASTEST,
                List.of(
                        rotterdam(Map.of("MUG", 1L)),
                        lisbon(Map.of("PLATE", 1L)),
                        prague(Map.of("BOWL", 1L)),
                        shenzhen(Map.of("PLATE", 1L, "BOWL", 1L))));
        // Rotterdam + Shenzhen (2 consignments) beats Rotterdam + Lisbon + Prague (3), although slower
        assertThat(warehouses(plan)).containsExactlyInAnyOrder("rotterdam", "shenzhen");
        Consignment rotterdam = plan.consignments().stream()
                .filter(c -> c.warehouse().equals("rotterdam"))
                .findFirst()
                .orElseThrow();
        assertThat(rotterdam.reason()).contains("ships 1 of 3 lines").contains("2 warehouses needed");
    }

    @Test
    void aSkuIsSplitAcrossWarehousesWhenNoneHasEnough() {
        AllocationPlan plan = AllocationPlanner.plan(
                order("MUG", 5),
                "DE",
                AllocationRule.PRIORITY,
                List.of(rotterdam(Map.of("MUG", 3L)), lisbon(Map.of("MUG", 3L))));
        assertThat(plan.lines())
                .containsExactly(new AllocationLine("lisbon", "MUG", 3), new AllocationLine("rotterdam", "MUG", 2));
    }

    @Test
    void amongSplitsOfTheSameSizeCheapestTakesTheLowestTotalCost() {
        AllocationPlan plan = AllocationPlanner.plan(
                order("MUG", 1, "PLATE", 1),
                "DE",
                AllocationRule.CHEAPEST,
                List.of(
                        lisbon(Map.of("MUG", 1L)),
                        rotterdam(Map.of("PLATE", 1L)),
                        prague(Map.of("MUG", 1L)),
                        shenzhen(Map.of("PLATE", 1L))));
        assertThat(warehouses(plan)).containsExactlyInAnyOrder("prague", "rotterdam");
        assertThat(plan.consignments().stream()
                        .mapToLong(Consignment::fulfilmentCostMinor)
                        .sum())
                .isEqualTo(550);
    }

    @Test
    void namesEverySkuWithoutEnoughStock() {
        assertThatThrownBy(() -> AllocationPlanner.plan(
                        order("MUG", 4, "PLATE", 1, "BOWL", 2),
                        "DE",
                        AllocationRule.PRIORITY,
                        List.of(rotterdam(Map.of("MUG", 3L, "BOWL", 2L)))))
                .isInstanceOfSatisfying(
                        InsufficientStockException.class,
                        e -> assertThat(e.shortages())
                                .containsExactly(
                                        new InsufficientStockException.Shortage("MUG", 4, 3),
                                        new InsufficientStockException.Shortage("PLATE", 1, 0)));
    }

    @Test
    void repeatedSkusAddUp() {
        assertThatThrownBy(() -> AllocationPlanner.plan(
                        order("MUG", 2, "MUG", 2), "DE", AllocationRule.PRIORITY, List.of(lisbon(Map.of("MUG", 3L)))))
                .isInstanceOf(InsufficientStockException.class)
                .hasMessageContaining("MUG: 4 requested, 3 available");
    }

    @Test
    void combinationsAreEverySubsetOfTheSize() {
        assertThat(AllocationPlanner.combinations(List.of("a", "b", "c", "d"), 2))
                .containsExactly(
                        List.of("a", "b"),
                        List.of("a", "c"),
                        List.of("a", "d"),
                        List.of("b", "c"),
                        List.of("b", "d"),
                        List.of("c", "d"));
    }
}
