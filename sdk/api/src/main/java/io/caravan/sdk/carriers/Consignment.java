package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.LineFlag;
import io.caravan.sdk.model.Parcel;
import io.caravan.sdk.model.Warehouse;
import io.caravan.sdk.money.Money;
import java.util.List;

/**
 * What one warehouse ships of a cart: the lines (or parts of lines) allocated to it, and its parcels
 * when they are packed. A cart split across warehouses is one consignment per warehouse, quoted
 * one by one.
 *
 * @param consignmentId the platform's id for the consignment within the request ({@code "c1"}); at most 64 characters
 * @param from          the warehouse it leaves from
 * @param lines         what it ships; at least one
 * @param parcels       the parcels, or empty when the platform rates before packing (rate by the
 *                      lines' weight then)
 * @param goodsValue    the value of the goods, the sum of the lines' values; same currency
 */
public record Consignment(
        String consignmentId, Warehouse from, List<ConsignmentLine> lines, List<Parcel> parcels, Money goodsValue) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid or {@code goodsValue} is not the
     *                                  lines' total; the message names the field
     */
    public Consignment {
        Checks.text(consignmentId, "Consignment.consignmentId", 64);
        Checks.required(from, "Consignment.from");
        lines = Checks.nonEmptyList(lines, "Consignment.lines");
        parcels = Checks.list(parcels, "Consignment.parcels");
        Checks.nonNegative(goodsValue, "Consignment.goodsValue");
        Money total = Money.zero(goodsValue.currency());
        for (int i = 0; i < lines.size(); i++) {
            Checks.currency(lines.get(i).value(), goodsValue.currency(), "Consignment.lines[" + i + "].value");
            total = total.plus(lines.get(i).value());
        }
        if (!total.equals(goodsValue)) {
            throw new IllegalArgumentException(
                    "Consignment.goodsValue must be the lines' total (" + total + "), was " + goodsValue);
        }
        for (int i = 0; i < parcels.size(); i++) {
            Checks.currency(parcels.get(i).value(), goodsValue.currency(), "Consignment.parcels[" + i + "].value");
        }
    }

    /**
     * A consignment of lines, not packed yet, valued at the lines' total.
     *
     * @param consignmentId the id
     * @param from          the warehouse
     * @param lines         the lines; at least one
     * @return the consignment
     * @throws IllegalArgumentException if {@code lines} is empty or mixes currencies
     */
    public static Consignment of(String consignmentId, Warehouse from, List<ConsignmentLine> lines) {
        Checks.nonEmptyList(lines, "Consignment.lines");
        Money total = Money.zero(lines.get(0).value().currency());
        for (ConsignmentLine line : lines) {
            total = total.plus(line.value());
        }
        return new Consignment(consignmentId, from, lines, List.of(), total);
    }

    /**
     * The weight to rate: the parcels' gross weight when packed, else the lines' weight.
     *
     * @return grams
     */
    public long weightGrams() {
        long grams = 0;
        if (!parcels.isEmpty()) {
            for (Parcel parcel : parcels) {
                grams = Math.addExact(grams, parcel.weightGrams());
            }
            return grams;
        }
        for (ConsignmentLine line : lines) {
            grams = Math.addExact(grams, line.weightGrams());
        }
        return grams;
    }

    /**
     * Whether any line carries a flag.
     *
     * @param flag a flag
     * @return true if one line has it
     */
    public boolean contains(LineFlag flag) {
        return lines.stream().anyMatch(l -> l.has(flag));
    }
}
