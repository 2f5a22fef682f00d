package io.caravan.plugins.tax;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxQuote;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Destination-based VAT/GST and low-value import regimes from effective-dated bundled data.
 *
 * <p>Reads the store's settings, checks the cart is one consignment (one ship-from country), and
 * hands it to the {@link TaxRegime} that {@link TaxRegimes} picks for its ship-from and destination
 * country. Each regime is one class naming its rule and the data it reads.
 *
 * <p>Stateless: one instance serves every store; everything store-specific comes from the
 * {@link PluginContext} of the call. Rates and thresholds come from {@link VatRates} and
 * {@link ImportRules} (bundled CSV, loaded once). Amounts are exact {@link io.caravan.sdk.money.Money};
 * each tax is rounded once, per line, HALF_UP to the currency's minor units.
 *
 * <p>Discounts and fees: lines, shipping and fees are taxed on their amounts after the discounts
 * the cart allocated to them, and thresholds (IOSS EUR 150, UK GBP 135, per-item GST limits) compare
 * discounted values. A fee such as the cash-on-delivery fee is an ancillary cost that follows the
 * goods like shipping (EU VAT Directive art. 78(b)): taxed whenever shipping is, under the same rule,
 * at the destination's standard rate, in {@link io.caravan.sdk.tax.TaxQuote#feeTaxes()}.
 */
public final class DestinationTaxCalculator implements TaxCalculator {

    /** The EU-27 codes as strings, for checks over the data; the regimes use {@link TaxRegimes#EU_MEMBER_STATES}. */
    static final Set<String> EU =
            TaxRegimes.EU_MEMBER_STATES.stream().map(CountryCode::code).collect(Collectors.toUnmodifiableSet());

    private final TaxRegimes regimes;

    /** The calculator over the bundled data (the platform's constructor). */
    public DestinationTaxCalculator() {
        this(VatRates.BUNDLED, ImportRules.BUNDLED);
    }

    DestinationTaxCalculator(VatRates rates, ImportRules rules) {
        this.regimes = new TaxRegimes(rates, rules);
    }

    @Override
    public TaxQuote quote(PluginContext context, Cart cart) {
        TaxSettings settings = TaxSettings.read(context.configuration());
        Set<CountryCode> shipFrom = new LinkedHashSet<>();
        for (LineItem line : cart.lines()) {
            shipFrom.add(line.shipFrom());
        }
        // Import thresholds are per consignment: goods leaving from two countries are two
        // consignments, with their own values and possibly their own regimes.
        if (shipFrom.size() != 1) {
            throw new PluginRejectedException(
                    "mixed_ship_from",
                    "Lines ship from " + shipFrom + "; quote one consignment (one ship-from country) per cart");
        }
        Consignment consignment =
                new Consignment(cart, settings, shipFrom.iterator().next(), cart.destination());
        return regimes.forConsignment(consignment.shipFrom(), consignment.destination())
                .quote(consignment);
    }
}
