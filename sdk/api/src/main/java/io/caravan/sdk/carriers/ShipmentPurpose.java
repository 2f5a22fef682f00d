package io.caravan.sdk.carriers;

/**
 * Why a shipment is booked, which decides its direction and its customs category.
 */
public enum ShipmentPurpose {
    /**
     * Goods sold, from one of the store's warehouses to the shopper: booked through
     * {@link ShipmentBooker}.
     */
    SALE,
    /**
     * Goods coming back, from the shopper to the warehouse the return case names: booked through
     * {@link ReturnShipmentBooker}, always with the original shipment and the RMA number, and (when
     * it crosses a border) declared as {@link CustomsContentType#RETURNED_GOODS} so the goods are not
     * taxed as an import a second time.
     */
    RETURN
}
