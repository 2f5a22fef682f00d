package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.money.Money;
import java.util.Currency;
import java.util.List;

/**
 * What customs are told about a shipment that crosses a customs border: the data of the CN22/CN23
 * or the commercial invoice, who pays import charges, and the numbers that let the goods clear
 * without the recipient paying again what the checkout already collected.
 *
 * @param contentType     the category of the goods; {@link CustomsContentType#RETURNED_GOODS} on
 *                        every return
 * @param dutyTreatment   the Incoterm: under {@link DutyTreatment#DDP} the carrier bills import
 *                        charges to the sender and must not collect them on delivery; under
 *                        {@link DutyTreatment#DAP} the recipient pays what the checkout did not collect
 * @param items           one line per kind of goods; at least one, at most 100, all valued in one currency
 * @param postage         the postage or freight charged for the shipment, as the CN23 and the invoice
 *                        show it (customs add it to the value in many countries); not negative, in
 *                        the items' currency
 * @param invoiceNumber   the commercial invoice number (the store's order number usually), or null;
 *                        at most 64 characters
 * @param iossNumber      the store's EU Import One-Stop-Shop number when the checkout collected the
 *                        EU VAT (consignments up to EUR 150), so the goods clear without VAT on
 *                        delivery; {@code IM} and 10 digits, or null
 * @param senderEori      the sender's EORI number (required by EU and UK customs for commercial
 *                        shipments above the low-value limits), or null; 2 letters and up to 15
 *                        letters or digits
 * @param senderVatNumber the sender's VAT registration in the destination (a UK VAT number when UK
 *                        VAT was charged at the point of sale on goods up to GBP 135; an EU VAT
 *                        number under OSS), or null; 2 letters and 2 to 13 letters or digits
 * @param recipientTaxId  the recipient's tax id where the destination's customs require one
 *                        (Brazil's CPF, Korea's PCCC), or null; at most 32 characters. Personal data:
 *                        given only to plugins with the {@code ADDRESS_LINES} data scope
 */
public record CustomsDeclaration(
        CustomsContentType contentType,
        DutyTreatment dutyTreatment,
        List<CustomsItem> items,
        Money postage,
        String invoiceNumber,
        String iossNumber,
        String senderEori,
        String senderVatNumber,
        String recipientTaxId) {

    /** The most items a declaration holds. */
    public static final int MAX_ITEMS = 100;

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, or the items and the postage are
     *                                  in different currencies; the message names the field
     */
    public CustomsDeclaration {
        Checks.required(contentType, "CustomsDeclaration.contentType");
        Checks.required(dutyTreatment, "CustomsDeclaration.dutyTreatment");
        items = Checks.nonEmptyList(items, "CustomsDeclaration.items");
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException(
                    "CustomsDeclaration.items must hold at most " + MAX_ITEMS + " items, had " + items.size());
        }
        Currency currency = items.get(0).value().currency();
        for (int i = 0; i < items.size(); i++) {
            Checks.currency(items.get(i).value(), currency, "CustomsDeclaration.items[" + i + "].value");
        }
        Checks.currency(
                Checks.nonNegative(postage, "CustomsDeclaration.postage"), currency, "CustomsDeclaration.postage");
        Checks.optionalText(invoiceNumber, "CustomsDeclaration.invoiceNumber", 64);
        if (iossNumber != null) {
            Checks.matches(iossNumber, "CustomsDeclaration.iossNumber", "IM[0-9]{10}", "IM and 10 digits");
        }
        if (senderEori != null) {
            Checks.matches(
                    senderEori,
                    "CustomsDeclaration.senderEori",
                    "[A-Z]{2}[A-Z0-9]{1,15}",
                    "2 letters and up to 15 letters or digits");
        }
        if (senderVatNumber != null) {
            Checks.matches(
                    senderVatNumber,
                    "CustomsDeclaration.senderVatNumber",
                    "[A-Z]{2}[A-Z0-9]{2,13}",
                    "2 letters and 2 to 13 letters or digits");
        }
        Checks.optionalText(recipientTaxId, "CustomsDeclaration.recipientTaxId", 32);
    }

    /**
     * The currency the goods are declared in.
     *
     * @return the items' currency
     */
    public Currency currency() {
        return items.get(0).value().currency();
    }

    /**
     * The declared value of the goods, without the postage.
     *
     * @return the items' total
     */
    public Money goodsValue() {
        Money total = Money.zero(currency());
        for (CustomsItem item : items) {
            total = total.plus(item.value());
        }
        return total;
    }
}
