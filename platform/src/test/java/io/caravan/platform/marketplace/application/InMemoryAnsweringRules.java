package io.caravan.platform.marketplace.application;

import io.caravan.platform.marketplace.domain.AnswerRule;
import io.caravan.platform.marketplace.domain.AnsweringRule;
import io.caravan.platform.marketplace.domain.AnsweringRuleRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answering rules in memory, per store and point, in position order. */
final class InMemoryAnsweringRules implements AnsweringRuleRepository {
    final Map<String, Map<String, List<AnsweringRule>>> byStore = new HashMap<>();

    @Override
    public List<AnsweringRule> list(String storeId) {
        return byStore.getOrDefault(storeId, Map.of()).values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing(AnsweringRule::point).thenComparing(AnsweringRule::position))
                .toList();
    }

    @Override
    public List<AnsweringRule> forPoint(String storeId, String point) {
        return List.copyOf(byStore.getOrDefault(storeId, Map.of()).getOrDefault(point, List.of()));
    }

    @Override
    public void replace(String storeId, String point, List<AnswerRule> rules, Instant now) {
        List<AnsweringRule> rows = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            rows.add(new AnsweringRule(point, i, rules.get(i), now));
        }
        byStore.computeIfAbsent(storeId, s -> new HashMap<>()).put(point, rows);
    }

    /** The store's rules for a point as the resolver reads them. */
    List<AnswerRule> rules(String storeId, String point) {
        return forPoint(storeId, point).stream().map(AnsweringRule::rule).toList();
    }
}
