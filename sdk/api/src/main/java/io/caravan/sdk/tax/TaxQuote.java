package io.caravan.sdk.tax;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.money.Money;
import java.util.Currency;
import java.util.List;

/**
 * The taxes and duties on a cart, explained line by line.
 *
 * <p>With {@link PriceDisplay#INCLUDING_TAX} prices, taxes at checkout are contained in the prices
 * (the total does not grow; {@code taxableAmount} is the net part of the price); with
 * {@link PriceDisplay#EXCLUDING_TAX} they are added on top. Duties at checkout are always added.
 * Charges {@link CollectedAt#DELIVERY} are never part of the checkout total; the storefront shows
 * them as what the shopper will pay on delivery.
 *
 * @param currency      the cart's currency; every amount is in it
 * @param prices        how the cart's prices were read (copied from the cart)
 * @param dutyTreatment who pays import charges on this order
 * @param lineTaxes     taxes on cart lines (on their amounts after discounts); every {@code lineRef}
 *                      a cart line id
 * @param shippingTaxes taxes on the shipping charge (after its discount); every {@code lineRef} is
 *                      {@link TaxLine#SHIPPING}
 * @param feeTaxes      taxes on the cart's fees (after their discounts); every {@code lineRef} a
 *                      cart fee id
 * @param duties        customs duties on cart lines
 * @param notices       sentences for the shopper about the regime as a whole, in the context's locale
 *                      ({@code "No import fees on delivery: VAT is collected at checkout (IOSS)."}); may be empty
 */
public record TaxQuote(
        Currency currency,
        PriceDisplay prices,
        DutyTreatment dutyTreatment,
        List<TaxLine> lineTaxes,
        List<TaxLine> shippingTaxes,
        List<TaxLine> feeTaxes,
        List<Duty> duties,
        List<String> notices) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, an amount is in another currency,
     *                                  a line tax points at shipping or a shipping tax does not, or a
     *                                  {@link DutyTreatment#DDP} quote has a charge on delivery
     */
    public TaxQuote {
        Checks.required(currency, "TaxQuote.currency");
        Checks.required(prices, "TaxQuote.prices");
        Checks.required(dutyTreatment, "TaxQuote.dutyTreatment");
        lineTaxes = Checks.list(lineTaxes, "TaxQuote.lineTaxes");
        shippingTaxes = Checks.list(shippingTaxes, "TaxQuote.shippingTaxes");
        feeTaxes = Checks.list(feeTaxes, "TaxQuote.feeTaxes");
        duties = Checks.list(duties, "TaxQuote.duties");
        notices = Checks.list(notices, "TaxQuote.notices");
        for (int i = 0; i < lineTaxes.size(); i++) {
            TaxLine t = lineTaxes.get(i);
            String field = "TaxQuote.lineTaxes[" + i + "]";
            if (TaxLine.SHIPPING.equals(t.lineRef())) {
                throw new IllegalArgumentException(
                        field + ".lineRef must be a cart line id; put shipping taxes" + " in shippingTaxes");
            }
            checkCharge(t.taxableAmount(), t.collectedAt(), currency, dutyTreatment, field);
        }
        for (int i = 0; i < shippingTaxes.size(); i++) {
            TaxLine t = shippingTaxes.get(i);
            String field = "TaxQuote.shippingTaxes[" + i + "]";
            if (!TaxLine.SHIPPING.equals(t.lineRef())) {
                throw new IllegalArgumentException(
                        field + ".lineRef must be \"" + TaxLine.SHIPPING + "\", was \"" + t.lineRef() + "\"");
            }
            checkCharge(t.taxableAmount(), t.collectedAt(), currency, dutyTreatment, field);
        }
        for (int i = 0; i < feeTaxes.size(); i++) {
            TaxLine t = feeTaxes.get(i);
            String field = "TaxQuote.feeTaxes[" + i + "]";
            if (TaxLine.SHIPPING.equals(t.lineRef())) {
                throw new IllegalArgumentException(
                        field + ".lineRef must be a cart fee id; put shipping taxes in shippingTaxes");
            }
            checkCharge(t.taxableAmount(), t.collectedAt(), currency, dutyTreatment, field);
        }
        for (int i = 0; i < duties.size(); i++) {
            Duty d = duties.get(i);
            checkCharge(d.dutiableValue(), d.collectedAt(), currency, dutyTreatment, "TaxQuote.duties[" + i + "]");
        }
        for (int i = 0; i < notices.size(); i++) {
            Checks.text(notices.get(i), "TaxQuote.notices[" + i + "]", 500);
        }
        // Fails on overflow now rather than in every caller that totals the quote.
        sumTaxes(currency, List.of(lineTaxes, shippingTaxes, feeTaxes), null);
        sumDuties(currency, duties, null);
    }

    /**
     * All taxes on lines, shipping and fees, whenever collected.
     *
     * @return the sum of every tax line's amount
     */
    public Money totalTax() {
        return sumTaxes(currency, List.of(lineTaxes, shippingTaxes, feeTaxes), null);
    }

    /**
     * Taxes charged at checkout, on lines, shipping and fees.
     *
     * @return the sum of the {@link CollectedAt#CHECKOUT} tax amounts
     */
    public Money taxAtCheckout() {
        return sumTaxes(currency, List.of(lineTaxes, shippingTaxes, feeTaxes), CollectedAt.CHECKOUT);
    }

    /**
     * All duties, whenever collected.
     *
     * @return the sum of every duty
     */
    public Money totalDuties() {
        return sumDuties(currency, duties, null);
    }

    /**
     * Duties charged at checkout.
     *
     * @return the sum of the {@link CollectedAt#CHECKOUT} duties
     */
    public Money dutiesAtCheckout() {
        return sumDuties(currency, duties, CollectedAt.CHECKOUT);
    }

    /**
     * What the shopper will pay the carrier or customs on delivery: taxes and duties
     * {@link CollectedAt#DELIVERY}.
     *
     * @return the estimate, zero under {@link DutyTreatment#DDP}
     */
    public Money dueOnDelivery() {
        return sumTaxes(currency, List.of(lineTaxes, shippingTaxes, feeTaxes), CollectedAt.DELIVERY)
                .plus(sumDuties(currency, duties, CollectedAt.DELIVERY));
    }

    /**
     * What the quote adds to the cart's total at checkout: duties at checkout, plus taxes at
     * checkout when prices exclude tax.
     *
     * @return the amount to add to the cart's net total (lines, shipping and fees after discounts)
     */
    public Money addedAtCheckout() {
        Money duties = dutiesAtCheckout();
        return prices == PriceDisplay.EXCLUDING_TAX ? duties.plus(taxAtCheckout()) : duties;
    }

    // Static: the compact constructor calls them before the fields are assigned.
    private static Money sumTaxes(Currency currency, List<List<TaxLine>> taxLists, CollectedAt when) {
        Money total = Money.zero(currency);
        for (List<TaxLine> list : taxLists) {
            for (TaxLine t : list) {
                if (when == null || t.collectedAt() == when) {
                    total = total.plus(t.taxAmount());
                }
            }
        }
        return total;
    }

    private static Money sumDuties(Currency currency, List<Duty> duties, CollectedAt when) {
        Money total = Money.zero(currency);
        for (Duty d : duties) {
            if (when == null || d.collectedAt() == when) {
                total = total.plus(d.amount());
            }
        }
        return total;
    }

    private static void checkCharge(
            Money base, CollectedAt collectedAt, Currency currency, DutyTreatment treatment, String field) {
        Checks.currency(base, currency, field);
        if (treatment == DutyTreatment.DDP && collectedAt == CollectedAt.DELIVERY) {
            throw new IllegalArgumentException(
                    field + ".collectedAt must be CHECKOUT under DDP: the seller pays" + " import charges");
        }
    }
}
