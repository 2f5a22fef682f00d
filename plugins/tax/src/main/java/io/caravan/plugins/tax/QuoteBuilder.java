package io.caravan.plugins.tax;

import static io.caravan.plugins.tax.Explanations.fit;
import static io.caravan.plugins.tax.Explanations.fitRuleId;
import static io.caravan.plugins.tax.Explanations.percent;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.Fee;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.Duty;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The quote a regime is building for one consignment: the tax lines, duties and notices so far,
 * and the tax arithmetic every regime shares. One per call, used by one regime, then
 * {@link #build() built}.
 *
 * <p>Each tax is rounded once, per line, HALF_UP to the currency's minor units; values compared
 * with thresholds are kept exact (not rounded) until the comparison.
 *
 * <p><b>Discounts and fees.</b> Every amount is taxed after the discount the cart allocated to it
 * (a line's {@link LineItem#netAmount()}, {@link Cart#netShipping()}, a fee's
 * {@link Fee#netAmount()}): VAT and GST are due on the consideration actually paid. Thresholds
 * compare the discounted goods value too. A fee (the cash-on-delivery fee, handling) is an
 * ancillary cost of the supply of the goods and follows the goods like shipping does (EU VAT
 * Directive art. 78(b); CJEU C-349/96 Card Protection Plan): it is taxed whenever shipping is, under
 * the same rule, at the destination's standard rate, and never on its own.
 */
final class QuoteBuilder {

    private final Consignment consignment;
    private final Cart cart;
    private final VatRates rates;
    private final List<TaxLine> lineTaxes = new ArrayList<>();
    private final List<TaxLine> shippingTaxes = new ArrayList<>();
    private final List<TaxLine> feeTaxes = new ArrayList<>();
    private final List<Duty> duties = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    QuoteBuilder(Consignment consignment, VatRates rates) {
        this.consignment = consignment;
        this.cart = consignment.cart();
        this.rates = rates;
    }

    // ---- what regimes add ----------------------------------------------------------------------

    /** Taxes every line, the shipping charge and the fees under one rule. */
    void taxAll(String jurisdiction, String ruleId, String regime, CollectedAt collectedAt) {
        tax(jurisdiction, ruleId, regime, collectedAt, line -> true, true);
    }

    /**
     * Taxes the lines {@code which} selects at the jurisdiction's rate for each line's category
     * and, if {@code withShipping} and at least one line was taxed, the shipping charge and the
     * fees at the standard rate, each on its amount after discount.
     *
     * @throws PluginRejectedException {@code no_rate_for_date} if the data has no rate for the order date
     */
    void tax(
            String jurisdiction,
            String ruleId,
            String regime,
            CollectedAt collectedAt,
            Predicate<LineItem> which,
            boolean withShipping) {
        LocalDate date = consignment.orderDate();
        boolean anyLineTaxed = false;
        for (LineItem line : cart.lines()) {
            if (which.test(line)) {
                anyLineTaxed = true;
                VatRates.Rate rate = rates.forCategory(jurisdiction, line.taxCategory(), date)
                        .orElseThrow(() -> noRate(jurisdiction));
                lineTaxes.add(taxLine(line.lineId(), line.netAmount(), rate, ruleId, regime, collectedAt));
            }
        }
        if (!withShipping || !anyLineTaxed) {
            return;
        }
        if (cart.netShipping().minorUnits() > 0) {
            VatRates.Rate rate = rates.standard(jurisdiction, date).orElseThrow(() -> noRate(jurisdiction));
            shippingTaxes.add(taxLine(
                    TaxLine.SHIPPING,
                    cart.netShipping(),
                    rate,
                    ruleId,
                    regime + "; shipping at the standard rate",
                    collectedAt));
        }
        for (Fee fee : cart.fees()) {
            if (fee.netAmount().minorUnits() > 0) {
                VatRates.Rate rate = rates.standard(jurisdiction, date).orElseThrow(() -> noRate(jurisdiction));
                feeTaxes.add(taxLine(
                        fee.feeId(),
                        fee.netAmount(),
                        rate,
                        ruleId,
                        regime + "; " + fee.description() + " follows the goods like shipping, at the standard rate",
                        collectedAt));
            }
        }
    }

    void duty(Duty duty) {
        duties.add(duty);
    }

    void notice(String notice) {
        notices.add(notice);
    }

    /** The taxes added so far, on lines and shipping. */
    Money totalTax() {
        Money total = Money.zero(cart.currency());
        for (TaxLine tax : lineTaxes) {
            total = total.plus(tax.taxAmount());
        }
        for (TaxLine tax : shippingTaxes) {
            total = total.plus(tax.taxAmount());
        }
        for (TaxLine tax : feeTaxes) {
            total = total.plus(tax.taxAmount());
        }
        return total;
    }

    /** Withdraws the taxes added so far (a regime found they are not levied); notices and duties stay. */
    void dropTaxes() {
        lineTaxes.clear();
        shippingTaxes.clear();
        feeTaxes.clear();
    }

    TaxQuote build() {
        return new TaxQuote(
                cart.currency(),
                cart.prices(),
                consignment.settings().dutyTreatment(),
                lineTaxes,
                shippingTaxes,
                feeTaxes,
                duties,
                notices);
    }

    // ---- values regimes compare with thresholds ------------------------------------------------

    /** The goods value as charged (after discounts), in the cart's currency, without shipping or fees. */
    BigDecimal goodsValue() {
        return cart.netSubtotal().amount();
    }

    /**
     * The goods value net of the destination's tax (the intrinsic value customs thresholds are
     * about), after discounts, exact, in the cart's currency, without shipping or fees.
     */
    BigDecimal netGoodsValue() {
        BigDecimal sum = BigDecimal.ZERO;
        for (LineItem line : cart.lines()) {
            sum = sum.add(netOfDestinationTax(line, line.netAmount().amount()));
        }
        return sum;
    }

    /**
     * One unit of a line after its share of the line's discount, net of the destination's tax,
     * exact enough to compare (for per-item thresholds).
     */
    BigDecimal netUnitValue(LineItem line) {
        BigDecimal unitPaid =
                line.netAmount().amount().divide(BigDecimal.valueOf(line.quantity()), MathContext.DECIMAL128);
        return netOfDestinationTax(line, unitPaid);
    }

    private BigDecimal netOfDestinationTax(LineItem line, BigDecimal price) {
        if (cart.prices() == PriceDisplay.EXCLUDING_TAX) {
            return price;
        }
        String destination = consignment.destination().code();
        BigDecimal rate = rates.forCategory(destination, line.taxCategory(), consignment.orderDate())
                .orElseThrow(() -> noRate(destination))
                .fraction();
        // Exact enough to compare with a threshold (34 significant digits); never charged.
        return price.divide(BigDecimal.ONE.add(rate), MathContext.DECIMAL128);
    }

    // ---- one tax line ----------------------------------------------------------------------------

    private PluginRejectedException noRate(String jurisdiction) {
        return new PluginRejectedException(
                "no_rate_for_date",
                "The bundled data has no VAT/GST rate for " + jurisdiction + " on " + consignment.orderDate());
    }

    /**
     * One tax line. With prices including tax and the tax collected at checkout, the tax is inside
     * the price: tax = price × r/(1+r). Otherwise it comes on top: tax = price × r. (Import VAT paid
     * on delivery is never inside the price charged, whatever the price display.) Rounded once,
     * HALF_UP, to minor units.
     */
    private TaxLine taxLine(
            String lineRef, Money amount, VatRates.Rate rate, String ruleId, String regime, CollectedAt collectedAt) {
        BigDecimal fraction = rate.fraction();
        int scale = amount.currency().getDefaultFractionDigits();
        boolean inclusive = cart.prices() == PriceDisplay.INCLUDING_TAX && collectedAt == CollectedAt.CHECKOUT;
        BigDecimal taxAmount = inclusive
                ? amount.amount().multiply(fraction).divide(BigDecimal.ONE.add(fraction), scale, RoundingMode.HALF_UP)
                : amount.amount().multiply(fraction).setScale(scale, RoundingMode.HALF_UP);
        Money tax = Money.of(taxAmount, amount.currency(), RoundingMode.UNNECESSARY);
        Money taxable = inclusive ? amount.minus(tax) : amount;
        String pct = percent(rate.percent());
        String formula = inclusive
                ? "tax = price incl. tax × " + pct + "/(100 % + " + pct + ")"
                : collectedAt == CollectedAt.DELIVERY && cart.prices() == PriceDisplay.INCLUDING_TAX
                        ? "tax = price charged × " + pct + " (not contained in the price)"
                        : "tax = price × " + pct;
        String text = rate.countryName() + " " + pct + " (" + rate.basis() + "; order date "
                + consignment.orderDate() + "); " + regime + "; " + formula
                + ", rounded HALF_UP to minor units per line.";
        return new TaxLine(
                lineRef,
                taxable,
                tax,
                fraction,
                rate.jurisdiction(),
                fitRuleId(ruleId + "/" + rate.jurisdiction() + "-" + rate.ruleSuffix()),
                fit(text),
                collectedAt);
    }
}
