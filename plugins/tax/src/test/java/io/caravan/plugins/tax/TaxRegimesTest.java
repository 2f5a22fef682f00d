package io.caravan.plugins.tax;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.model.CountryCode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Which regime each country in the bundled data gets. A country added to the data without a
 * decision here fails {@link #every_country_in_the_data_is_in_the_expected_table}.
 */
class TaxRegimesTest {

    private static final CountryCode CHINA = CountryCode.of("CN");

    private final TaxRegimes regimes = new TaxRegimes(VatRates.BUNDLED, ImportRules.BUNDLED);

    /** The regime for imports from outside the EU, for every non-EU country in the data. */
    private static final Map<String, Class<? extends TaxRegime>> IMPORT_REGIME = Map.ofEntries(
            Map.entry("GB", UkLowValueImport.class), Map.entry("NO", NorwayVoec.class),
            Map.entry("CH", SwissImport.class), Map.entry("AU", LowValueGst.class),
            Map.entry("NZ", LowValueGst.class), Map.entry("SG", LowValueGst.class),
            Map.entry("JP", JapanSmallValue.class), Map.entry("US", UsDeMinimis.class),
            Map.entry("IS", NoImportRule.class), Map.entry("CA", NoImportRule.class),
            Map.entry("IN", NoImportRule.class), Map.entry("MX", NoImportRule.class),
            Map.entry("BR", NoImportRule.class), Map.entry("ZA", NoImportRule.class),
            Map.entry("AE", NoImportRule.class), Map.entry("SA", NoImportRule.class),
            Map.entry("KR", NoImportRule.class), Map.entry("TR", NoImportRule.class));

    /** Every country {@code vat_rates.csv} has a row for (subdivisions such as CA-ON as their country). */
    static Set<String> rateDataCountries() {
        Set<String> countries = new TreeSet<>();
        for (Map<String, String> row : Csv.read("data/vat_rates.csv")) {
            countries.add(row.get("country_code").substring(0, 2));
        }
        return countries;
    }

    /** Every country a rule of {@code low_value_import_rules.csv} is about ({@code EU-} rules: the EU-27). */
    static Set<String> importRuleCountries() {
        Set<String> countries = new TreeSet<>();
        for (Map<String, String> row : Csv.read("data/low_value_import_rules.csv")) {
            String prefix = row.get("rule_id").substring(0, 2);
            if (prefix.equals("EU")) {
                countries.addAll(DestinationTaxCalculator.EU);
            } else {
                countries.add(prefix);
            }
        }
        return countries;
    }

    static Set<String> dataCountries() {
        Set<String> countries = new TreeSet<>(rateDataCountries());
        countries.addAll(importRuleCountries());
        return countries;
    }

    @Test
    void every_country_in_the_data_is_in_the_expected_table() {
        Set<String> decided = new TreeSet<>(IMPORT_REGIME.keySet());
        decided.addAll(DestinationTaxCalculator.EU);
        assertThat(decided).containsExactlyInAnyOrderElementsOf(dataCountries());
        assertThat(IMPORT_REGIME.keySet()).doesNotContainAnyElementsOf(DestinationTaxCalculator.EU);
    }

    @Test
    void every_country_in_the_data_maps_to_exactly_one_regime_per_kind_of_sale() {
        for (String code : dataCountries()) {
            CountryCode country = CountryCode.of(code);
            CountryCode otherMemberState = CountryCode.of(code.equals("DE") ? "FR" : "DE");
            boolean eu = TaxRegimes.EU_MEMBER_STATES.contains(country);

            assertThat(regimes.forConsignment(country, country))
                    .as("within " + code)
                    .isInstanceOf(eu ? IntraEuDistanceSale.class : DomesticSale.class);
            assertThat(regimes.forConsignment(CHINA, country))
                    .as("from CN to " + code)
                    .isInstanceOf(eu ? EuImport.class : IMPORT_REGIME.get(code));
            assertThat(regimes.forConsignment(otherMemberState, country))
                    .as("from " + otherMemberState + " to " + code)
                    .isInstanceOf(eu ? IntraEuDistanceSale.class : IMPORT_REGIME.get(code));
            // the same regime object every time: regimes hold no per-call state
            assertThat(regimes.forConsignment(CHINA, country)).isSameAs(regimes.forConsignment(CHINA, country));
        }
    }

    @Test
    void every_import_rule_in_the_data_has_a_regime_that_reads_it() {
        for (String code : importRuleCountries()) {
            assertThat(regimes.forConsignment(CHINA, CountryCode.of(code)))
                    .as(code)
                    .isNotInstanceOf(NoImportRule.class);
        }
        // AU, NZ and SG share the class, not the instance: each reads its own rule
        assertThat(regimes.forConsignment(CHINA, CountryCode.of("AU")))
                .isNotSameAs(regimes.forConsignment(CHINA, CountryCode.of("NZ")))
                .isNotSameAs(regimes.forConsignment(CHINA, CountryCode.of("SG")));
    }

    @Test
    void a_country_outside_the_data_gets_the_no_rule_regimes() {
        CountryCode argentina = CountryCode.of("AR");
        assertThat(regimes.forConsignment(argentina, argentina)).isInstanceOf(DomesticSale.class);
        assertThat(regimes.forConsignment(CHINA, argentina)).isInstanceOf(NoImportRule.class);
        assertThat(regimes.forConsignment(argentina, CountryCode.of("DE"))).isInstanceOf(EuImport.class);
    }

    @Test
    void the_eu_member_states_are_the_27() {
        assertThat(TaxRegimes.EU_MEMBER_STATES)
                .hasSize(27)
                .doesNotContain(CountryCode.of("GB"), CountryCode.of("NO"), CountryCode.of("CH"));
        assertThat(DestinationTaxCalculator.EU).hasSize(27).contains("DE", "FR", "HR");
    }
}
