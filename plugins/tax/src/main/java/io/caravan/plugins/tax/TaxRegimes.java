package io.caravan.plugins.tax;

import io.caravan.sdk.model.CountryCode;
import java.util.Map;
import java.util.Set;

/**
 * Which {@link TaxRegime} applies to a consignment, decided by its destination and ship-from
 * country, in this order:
 *
 * <ol>
 *   <li>to an EU member state: {@link IntraEuDistanceSale} from a member state (the same one
 *       included), {@link EuImport} from anywhere else;</li>
 *   <li>within one country: {@link DomesticSale};</li>
 *   <li>an import into a country with a low-value import rule: that country's regime;</li>
 *   <li>any other import: {@link NoImportRule}.</li>
 * </ol>
 *
 * <p>The EU comes first because it is one VAT area: whether a sale is domestic, intra-EU or an
 * import depends on both countries being member states, not on them being equal. Adding a country
 * is a new {@link TaxRegime} and one entry in {@link #importRegimes}.
 */
final class TaxRegimes {

    /** The EU-27: the member states {@link IntraEuDistanceSale} and {@link EuImport} apply to. */
    static final Set<CountryCode> EU_MEMBER_STATES = countries(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private final TaxRegime intraEu;
    private final TaxRegime euImport;
    private final TaxRegime domestic;
    private final TaxRegime noImportRule;
    /** The regime for imports into each non-EU country that has one, by destination. */
    private final Map<CountryCode, TaxRegime> importRegimes;

    TaxRegimes(VatRates rates, ImportRules rules) {
        intraEu = new IntraEuDistanceSale(rates, rules);
        euImport = new EuImport(rates, rules);
        domestic = new DomesticSale(rates);
        noImportRule = new NoImportRule(rates);
        importRegimes = Map.of(
                CountryCode.of("GB"), new UkLowValueImport(rates, rules),
                CountryCode.of("NO"), new NorwayVoec(rates, rules),
                CountryCode.of("CH"), new SwissImport(rates, rules),
                CountryCode.of("AU"), new LowValueGst(rates, rules, "AU-LVIG", TaxSettings::auGst),
                CountryCode.of("NZ"), new LowValueGst(rates, rules, "NZ-LVG", TaxSettings::nzGst),
                CountryCode.of("SG"), new LowValueGst(rates, rules, "SG-LVG", TaxSettings::sgGst),
                CountryCode.of("JP"), new JapanSmallValue(rates, rules),
                CountryCode.of("US"), new UsDeMinimis(rates, rules));
    }

    /** The regime for goods shipped from {@code shipFrom} to {@code destination}. */
    TaxRegime forConsignment(CountryCode shipFrom, CountryCode destination) {
        if (EU_MEMBER_STATES.contains(destination)) {
            return EU_MEMBER_STATES.contains(shipFrom) ? intraEu : euImport;
        }
        if (destination.equals(shipFrom)) {
            return domestic;
        }
        return importRegimes.getOrDefault(destination, noImportRule);
    }

    private static Set<CountryCode> countries(String... codes) {
        CountryCode[] countries = new CountryCode[codes.length];
        for (int i = 0; i < codes.length; i++) {
            countries[i] = CountryCode.of(codes[i]);
        }
        return Set.of(countries);
    }
}
