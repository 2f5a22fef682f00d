package ${package};

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.Fee;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.PluginConfigurationException;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Extension point {@code TAX_CALCULATOR}: one flat rate, set by the store in its configuration,
 * on every cart line.
 *
 * <p>A starting point, not a tax engine (real tax depends on the destination, the product and the
 * store's registrations), but it has the shape every calculator needs:
 * <ul>
 *   <li><b>Stateless and thread-safe.</b> The platform creates one instance per node and calls it
 *       for every store that installed the plugin, from many threads at once. Everything
 *       store-specific, here the rate, is read from the {@link PluginContext} of the call; nothing
 *       about a store, a shopper or a call is ever kept in a field.</li>
 *   <li><b>Exact money.</b> Amounts are {@link Money} (minor units) and rates {@link BigDecimal};
 *       each line's tax is rounded once, {@link RoundingMode#HALF_EVEN} to the currency's minor
 *       units. No {@code double} anywhere.</li>
 *   <li><b>Explained.</b> One {@link TaxLine} per cart line with the taxable amount, the rate, the
 *       jurisdiction (the destination country), the rule id {@value #RULE_ID} and a sentence for
 *       the shopper.</li>
 *   <li><b>Pure.</b> The same cart and configuration give the same quote, and quoting changes
 *       nothing.</li>
 * </ul>
 * Shipping is not taxed and no duties are computed: add them here when your rules need them.
 */
public final class FlatRateTaxCalculator implements TaxCalculator {

    /** The rule id of every tax line this calculator returns. */
    public static final String RULE_ID = "FLAT-RATE";

    /** Creates the calculator; the platform calls this once per node. */
    public FlatRateTaxCalculator() {
    }

    /**
     * Quotes the store's flat rate on every cart line and fee, collected at checkout. Amounts are
     * taxed after their discounts ({@link LineItem#netAmount()}, {@link Fee#netAmount()}): the
     * cart carries every discount allocated to what it reduces.
     *
     * @param context the per-call context; its configuration holds {@code ratePercent}
     * @param cart    the cart
     * @return one tax line per cart line and per fee, no shipping taxes, no duties
     * @throws PluginConfigurationException if the store's rate is missing or invalid
     */
    @Override
    public TaxQuote quote(PluginContext context, Cart cart) {
        BigDecimal rate = FlatRate.read(context.configuration());
        String jurisdiction = cart.destination().code();
        List<TaxLine> lineTaxes = new ArrayList<>(cart.lines().size());
        for (LineItem line : cart.lines()) {
            lineTaxes.add(tax(line.lineId(), line.netAmount(), cart.prices(), rate, jurisdiction));
        }
        List<TaxLine> feeTaxes = new ArrayList<>(cart.fees().size());
        for (Fee fee : cart.fees()) {
            feeTaxes.add(tax(fee.feeId(), fee.netAmount(), cart.prices(), rate, jurisdiction));
        }
        if (context.logger().isDebugEnabled()) {
            context.logger().debug("Flat rate " + FlatRate.display(rate) + " on " + lineTaxes.size() + " lines");
        }
        // No duties are computed, so who would pay them does not change the quote: DAP.
        return new TaxQuote(cart.currency(), cart.prices(), DutyTreatment.DAP, lineTaxes, List.of(), feeTaxes,
                List.of(), List.of());
    }

    /**
     * The tax on one line.
     *
     * @param lineRef      the cart line's id
     * @param amount       the amount taxed: a line's or fee's amount after its discount
     * @param prices       whether the amount includes the tax or not
     * @param rate         the rate as a fraction
     * @param jurisdiction the destination country code
     * @return the tax line
     */
    static TaxLine tax(String lineRef, Money amount, PriceDisplay prices, BigDecimal rate, String jurisdiction) {
        Money taxable;
        Money tax;
        if (prices == PriceDisplay.INCLUDING_TAX) {
            // The price contains the tax: tax = price x rate / (1 + rate), rounded once.
            long minor = BigDecimal.valueOf(amount.minorUnits()).multiply(rate)
                    .divide(BigDecimal.ONE.add(rate), 0, RoundingMode.HALF_EVEN).longValueExact();
            tax = new Money(minor, amount.currency());
            taxable = amount.minus(tax);
        } else {
            taxable = amount;
            tax = amount.multiply(rate, RoundingMode.HALF_EVEN);
        }
        return new TaxLine(lineRef, taxable, tax, rate, jurisdiction, RULE_ID,
                "Tax " + FlatRate.display(rate) + " (the store's flat rate)", CollectedAt.CHECKOUT);
    }
}
