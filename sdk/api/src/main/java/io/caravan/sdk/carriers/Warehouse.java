package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Address;

/**
 * A place the store ships from.
 *
 * @param warehouseId the store's id for the warehouse ({@code "shenzhen-hub"}); at most 64 characters
 * @param address     where it is (full lines: carriers need them for pickups and labels)
 */
public record Warehouse(String warehouseId, Address address) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Warehouse {
        Checks.text(warehouseId, "Warehouse.warehouseId", 64);
        Checks.required(address, "Warehouse.address");
    }
}
