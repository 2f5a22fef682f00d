package io.caravan.platform.commerce.application;

import io.caravan.sdk.carriers.ConsignmentLine;
import io.caravan.sdk.model.Dimensions;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Parcel;
import io.caravan.sdk.money.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The parcels a consignment is rated as, before real packing: units stacked on their largest face
 * into boxes no taller than {@link #MAX_STACK_MM} nor heavier than {@link #MAX_WEIGHT_GRAMS}, a new
 * box when the next unit does not fit. A unit without dimensions counts as a
 * {@link #UNKNOWN_SIDE_MM} cube, a weightless one (digital) adds nothing. An estimate a carrier
 * plugin rates and a warehouse may repack; it only has to be the same for the same cart.
 */
final class ParcelPacker {
    static final int MAX_STACK_MM = 600;
    static final long MAX_WEIGHT_GRAMS = 30_000;
    static final int UNKNOWN_SIDE_MM = 100;

    private ParcelPacker() {}

    static List<Parcel> pack(List<ConsignmentLine> shipped, List<LineItem> lines, Currency currency) {
        List<Parcel> parcels = new ArrayList<>();
        Box box = new Box();
        for (ConsignmentLine consigned : shipped) {
            LineItem line = lines.stream()
                    .filter(l -> l.lineId().equals(consigned.lineId()))
                    .findFirst()
                    .orElseThrow();
            if (line.goods().weightGrams() == 0) {
                continue;
            }
            Dimensions d = line.goods().dimensions();
            int length = d == null ? UNKNOWN_SIDE_MM : Math.max(d.lengthMm(), d.widthMm());
            int width = d == null ? UNKNOWN_SIDE_MM : Math.min(d.lengthMm(), d.widthMm());
            int height = d == null ? UNKNOWN_SIDE_MM : d.heightMm();
            for (int unit = 0; unit < consigned.quantity(); unit++) {
                boolean full = box.units > 0
                        && (box.height + height > MAX_STACK_MM
                                || box.weight + line.goods().weightGrams() > MAX_WEIGHT_GRAMS);
                if (full) {
                    parcels.add(box.close(currency));
                    box = new Box();
                }
                box.add(line, length, width, height);
            }
        }
        if (box.units > 0) {
            parcels.add(box.close(currency));
        }
        if (parcels.isEmpty()) {
            // nothing physical: one token parcel, so the consignment can still be rated (or excluded)
            parcels.add(new Parcel(
                    1,
                    new Dimensions(UNKNOWN_SIDE_MM, UNKNOWN_SIDE_MM, UNKNOWN_SIDE_MM),
                    Money.zero(currency),
                    List.of()));
        }
        return parcels;
    }

    private static final class Box {
        int length;
        int width;
        int height;
        long weight;
        long value;
        int units;
        final List<String> lineRefs = new ArrayList<>();

        void add(LineItem line, int unitLength, int unitWidth, int unitHeight) {
            length = Math.max(length, unitLength);
            width = Math.max(width, unitWidth);
            height = Math.addExact(height, unitHeight);
            weight = Math.addExact(weight, line.goods().weightGrams());
            value = Math.addExact(value, line.unitPrice().minorUnits());
            units++;
            if (!lineRefs.contains(line.lineId())) {
                lineRefs.add(line.lineId());
            }
        }

        Parcel close(Currency currency) {
            return new Parcel(weight, new Dimensions(length, width, height), new Money(value, currency), lineRefs);
        }
    }
}
