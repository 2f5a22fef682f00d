package io.caravan.platform.validation.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checks found so far, per rule; at most {@link #MAX_PER_RULE} failures are listed per rule. */
final class Findings {
    static final int MAX_PER_RULE = 50;

    private final Map<String, List<Check>> byRule = new LinkedHashMap<>();
    private final Map<String, Integer> unlisted = new HashMap<>();

    void fail(String rule, String message) {
        List<Check> results = byRule.computeIfAbsent(rule, r -> new ArrayList<>());
        results.removeIf(c -> !c.failed());
        if (results.size() >= MAX_PER_RULE) {
            unlisted.merge(rule, 1, Integer::sum);
            return;
        }
        if (results.stream().noneMatch(c -> c.message().equals(message))) {
            results.add(new Check(rule, CheckStatus.FAILED, message));
        }
    }

    /** Records a pass unless the rule already has a result. */
    void pass(String rule, String message) {
        byRule.computeIfAbsent(rule, r -> new ArrayList<>(List.of(new Check(rule, CheckStatus.PASSED, message))));
    }

    /** Records a skip unless the rule already has a result. */
    void skip(String rule, String message) {
        byRule.computeIfAbsent(rule, r -> new ArrayList<>(List.of(new Check(rule, CheckStatus.SKIPPED, message))));
    }

    void skipAll(Collection<String> rules, String message) {
        for (String rule : rules) {
            skip(rule, message);
        }
    }

    boolean failed(String rule) {
        return byRule.getOrDefault(rule, List.of()).stream().anyMatch(Check::failed);
    }

    boolean anyFailed(Collection<String> rules) {
        return rules.stream().anyMatch(this::failed);
    }

    int failureCount() {
        return byRule.values().stream()
                        .mapToInt(l -> (int) l.stream().filter(Check::failed).count())
                        .sum()
                + unlisted.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every rule of {@link Rules#ALL} in order; a rule nothing was recorded for is skipped with {@code why}. */
    List<Check> toList(String why) {
        List<Check> out = new ArrayList<>();
        for (String rule : Rules.ALL) {
            List<Check> results = byRule.get(rule);
            if (results == null || results.isEmpty()) {
                out.add(new Check(rule, CheckStatus.SKIPPED, why));
                continue;
            }
            out.addAll(results);
            Integer more = unlisted.get(rule);
            if (more != null) {
                out.add(new Check(
                        rule,
                        CheckStatus.FAILED,
                        more + " more violation(s) of this rule not listed; at most " + MAX_PER_RULE
                                + " are reported"));
            }
        }
        return out;
    }
}
