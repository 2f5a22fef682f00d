package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;

/**
 * Where a return goes: one of the store's warehouses (the platform books the return shipment there
 * through the carrier plugin), or nowhere.
 *
 * @param kind        why there
 * @param warehouseId the store's warehouse, one of {@link ReturnRequest#warehouses()}; required
 *                    unless {@link ReturnDestinationKind#KEEP_IT}, null then; at most 64 characters
 */
public record ReturnDestination(ReturnDestinationKind kind, String warehouseId) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the kind is missing, or the warehouse is missing for a
     *                                  destination or given for {@code KEEP_IT}
     */
    public ReturnDestination {
        Checks.required(kind, "ReturnDestination.kind");
        if (kind == ReturnDestinationKind.KEEP_IT) {
            if (warehouseId != null) {
                throw new IllegalArgumentException("ReturnDestination.warehouseId must be null for KEEP_IT");
            }
        } else {
            Checks.text(warehouseId, "ReturnDestination.warehouseId (required for " + kind + ")", 64);
        }
    }

    /**
     * The shopper keeps the goods.
     *
     * @return the destination
     */
    public static ReturnDestination keepIt() {
        return new ReturnDestination(ReturnDestinationKind.KEEP_IT, null);
    }
}
