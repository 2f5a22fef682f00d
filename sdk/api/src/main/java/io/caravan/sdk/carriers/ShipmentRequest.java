package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Parcel;
import java.util.List;

/**
 * A request to book a shipment and get its labels.
 *
 * @param idempotencyKey the platform's key for this booking: a repeated call with the same key
 *                       returns the first shipment and never books twice; at most 128 characters
 * @param orderId        the store's order id, printed as the shipper's reference; at most 64 characters
 * @param serviceCode    the service chosen, from a {@link RateQuote}
 * @param origin         the warehouse the parcels leave from
 * @param destination    the delivery address, with street lines and recipient
 * @param recipientPhone the recipient's phone number for the courier, or null; at most 32 characters
 * @param parcels        the parcels; at least one
 * @param customsItems   the customs declaration; empty for domestic and intra-EU shipments
 * @param dutiesPaidBySender whether the sender pays import charges (DDP), so the carrier must not
 *                       collect them on delivery
 */
public record ShipmentRequest(
        String idempotencyKey,
        String orderId,
        String serviceCode,
        Warehouse origin,
        Address destination,
        String recipientPhone,
        List<Parcel> parcels,
        List<CustomsItem> customsItems,
        boolean dutiesPaidBySender) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public ShipmentRequest {
        Checks.text(idempotencyKey, "ShipmentRequest.idempotencyKey", 128);
        Checks.text(orderId, "ShipmentRequest.orderId", 64);
        Checks.text(serviceCode, "ShipmentRequest.serviceCode", 64);
        Checks.required(origin, "ShipmentRequest.origin");
        Checks.required(destination, "ShipmentRequest.destination");
        Checks.optionalText(recipientPhone, "ShipmentRequest.recipientPhone", 32);
        parcels = Checks.nonEmptyList(parcels, "ShipmentRequest.parcels");
        customsItems = Checks.list(customsItems, "ShipmentRequest.customsItems");
    }
}
