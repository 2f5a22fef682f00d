package io.caravan.plugins.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The low-value import rules from the bundled {@code low_value_import_rules.csv}, by rule id. */
final class ImportRules {

    /** One dated rule row. {@code effectiveTo} is the last day it applies. */
    record Rule(
            String id,
            BigDecimal threshold,
            String currency,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            BigDecimal extraAmount,
            String confidence) {

        boolean inForce(LocalDate date) {
            return (effectiveFrom == null || !date.isBefore(effectiveFrom))
                    && (effectiveTo == null || !date.isAfter(effectiveTo));
        }

        String dates() {
            return (effectiveFrom == null ? "long-standing" : "from " + effectiveFrom)
                    + (effectiveTo == null ? "" : " until " + effectiveTo);
        }
    }

    static final ImportRules BUNDLED = new ImportRules(Csv.read("data/low_value_import_rules.csv"));

    private final Map<String, Rule> rules;

    ImportRules(List<Map<String, String>> data) {
        Map<String, Rule> m = new HashMap<>();
        for (Map<String, String> r : data) {
            String id = r.get("rule_id");
            m.put(
                    id,
                    new Rule(
                            id,
                            decimal(r.get("threshold_value")),
                            r.get("threshold_currency"),
                            date(r.get("effective_from")),
                            date(r.get("effective_to")),
                            decimal(r.get("extra_amount")),
                            r.get("confidence")));
        }
        rules = Map.copyOf(m);
    }

    private static BigDecimal decimal(String s) {
        return s == null || s.isEmpty() ? null : new BigDecimal(s);
    }

    private static LocalDate date(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }

    /** The rule with this id, whatever the date. */
    Rule rule(String id) {
        Rule r = rules.get(id);
        if (r == null) {
            throw new IllegalStateException("bundled data has no rule " + id);
        }
        return r;
    }

    /** The rule with this id if it is in force on {@code date}. */
    Optional<Rule> inForce(String id, LocalDate date) {
        Rule r = rule(id);
        return r.inForce(date) ? Optional.of(r) : Optional.empty();
    }
}
