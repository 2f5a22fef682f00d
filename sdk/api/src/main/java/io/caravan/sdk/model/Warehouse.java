package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;

/**
 * A place the store ships from.
 *
 * @param warehouseId  the store's id for the warehouse ({@code "shenzhen-hub"}); at most 64 characters
 * @param address      where it is (full lines: carriers need them for pickups and labels)
 * @param kind         what kind of place it is
 * @param handlingDays the days the warehouse needs to pick and pack before a parcel leaves; 0 to 30
 */
public record Warehouse(String warehouseId, Address address, WarehouseKind kind, int handlingDays) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Warehouse {
        Checks.text(warehouseId, "Warehouse.warehouseId", 64);
        Checks.required(address, "Warehouse.address");
        Checks.required(kind, "Warehouse.kind");
        Checks.nonNegative(handlingDays, "Warehouse.handlingDays");
        if (handlingDays > 30) {
            throw new IllegalArgumentException("Warehouse.handlingDays must be at most 30, was " + handlingDays);
        }
    }
}
