package io.caravan.plugins.tax;

import io.caravan.sdk.model.TaxCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Effective-dated VAT/GST rates from the bundled {@code vat_rates.csv}: immutable, loaded once,
 * shared by all stores (reference data, not store state).
 */
final class VatRates {

    /** A rate chosen for a date and category, with the facts the explanation needs. */
    record Rate(String jurisdiction, String countryName, BigDecimal percent, String ruleSuffix, String basis) {
        BigDecimal fraction() {
            return percent.movePointLeft(2);
        }
    }

    private record Row(
            String code,
            String name,
            BigDecimal standard,
            List<BigDecimal> reduced,
            LocalDate effectiveFrom,
            BigDecimal previous,
            LocalDate changedOn) {}

    static final VatRates BUNDLED = new VatRates(Csv.read("data/vat_rates.csv"));

    private final Map<String, Row> rows;

    VatRates(List<Map<String, String>> data) {
        Map<String, Row> m = new HashMap<>();
        for (Map<String, String> r : data) {
            String std = r.get("standard_rate_percent");
            if (std.isEmpty()) {
                continue; // no rate in the data (e.g. BR): the country is treated as not covered
            }
            List<BigDecimal> reduced = new ArrayList<>();
            for (String s : r.get("reduced_rates_percent").split(";")) {
                if (!s.isBlank()) {
                    reduced.add(new BigDecimal(s.trim()));
                }
            }
            m.put(
                    r.get("country_code"),
                    new Row(
                            r.get("country_code"),
                            r.get("country"),
                            new BigDecimal(std),
                            List.copyOf(reduced),
                            date(r.get("effective_from")),
                            r.get("previous_standard_rate").isEmpty()
                                    ? null
                                    : new BigDecimal(r.get("previous_standard_rate")),
                            date(r.get("changed_on"))));
        }
        rows = Map.copyOf(m);
    }

    private static LocalDate date(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }

    boolean covers(String code) {
        return rows.containsKey(code);
    }

    String name(String code) {
        return rows.get(code).name();
    }

    /** The standard rate in force on {@code date}. */
    Optional<Rate> standard(String code, LocalDate date) {
        Row r = rows.get(code);
        if (r == null) {
            return Optional.empty();
        }
        if (r.changedOn() != null && date.isBefore(r.changedOn())) {
            if (r.previous() == null) {
                return Optional.empty();
            }
            return Optional.of(new Rate(
                    code,
                    r.name(),
                    r.previous(),
                    "STD-PREV",
                    "previous standard rate, in force until " + r.changedOn().minusDays(1)));
        }
        if (r.effectiveFrom() != null && date.isBefore(r.effectiveFrom())) {
            return Optional.empty();
        }
        String since = r.effectiveFrom() == null
                ? "effective date not recorded in the data"
                : "in force since " + r.effectiveFrom();
        return Optional.of(new Rate(code, r.name(), r.standard(), "STD", "standard rate, " + since));
    }

    /**
     * The rate for a tax category on {@code date}. ZERO and EXEMPT are 0; REDUCED is the highest
     * positive reduced rate listed and SUPER_REDUCED the lowest one below 5 %; a category the data
     * cannot place (PARKING, or no such reduced rate) falls back to the standard rate, saying so.
     */
    Optional<Rate> forCategory(String code, TaxCategory category, LocalDate date) {
        Optional<Rate> std = standard(code, date);
        if (std.isEmpty()) {
            return std;
        }
        Row r = rows.get(code);
        switch (category) {
            case STANDARD:
                return std;
            case ZERO:
                return Optional.of(new Rate(code, r.name(), BigDecimal.ZERO, "ZERO", "zero-rated supply"));
            case EXEMPT:
                return Optional.of(new Rate(code, r.name(), BigDecimal.ZERO, "EXEMPT", "exempt supply, no tax"));
            case REDUCED: {
                BigDecimal best = null;
                for (BigDecimal b : r.reduced()) {
                    if (b.signum() > 0 && (best == null || b.compareTo(best) > 0)) {
                        best = b;
                    }
                }
                if (best != null) {
                    return Optional.of(new Rate(
                            code,
                            r.name(),
                            best,
                            "RED",
                            "reduced rate (highest listed; reduced rates as of data status 2026-11-22)"));
                }
                break;
            }
            case SUPER_REDUCED: {
                BigDecimal low = null;
                for (BigDecimal b : r.reduced()) {
                    if (b.signum() > 0
                            && b.compareTo(BigDecimal.valueOf(5)) < 0
                            && (low == null || b.compareTo(low) < 0)) {
                        low = b;
                    }
                }
                if (low != null) {
                    return Optional.of(new Rate(
                            code,
                            r.name(),
                            low,
                            "SRED",
                            "super-reduced rate (lowest listed below 5 %; as of data status 2026-11-22)"));
                }
                break;
            }
            default:
                break;
        }
        Rate s = std.get();
        return Optional.of(new Rate(
                code,
                s.countryName(),
                s.percent(),
                s.ruleSuffix() + "-FALLBACK",
                s.basis() + "; no " + category + " rate in the data for " + code + ", standard rate applied"));
    }
}
