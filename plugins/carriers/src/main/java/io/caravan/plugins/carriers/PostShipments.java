package io.caravan.plugins.carriers;

import io.caravan.sdk.carriers.ReturnShipmentBooker;
import io.caravan.sdk.carriers.Shipment;
import io.caravan.sdk.carriers.ShipmentBooker;
import io.caravan.sdk.carriers.ShipmentPurpose;
import io.caravan.sdk.carriers.ShipmentRequest;
import io.caravan.sdk.plugin.PluginContext;

/**
 * Points {@code CARRIER_SHIPMENTS} and {@code CARRIER_RETURN_SHIPMENTS}: books a sale's shipment,
 * or a return's, at the store's carrier account under the platform's idempotency key, and answers
 * the carrier's tracking numbers (UPU S10, one per parcel), labels and customs forms. A refusal
 * ({@code PluginRejectedException}) means the carrier booked nothing; no answer or a server error
 * is an unknown outcome the platform resolves by asking again with the same key.
 */
public final class PostShipments implements ShipmentBooker, ReturnShipmentBooker {
    @Override
    public Shipment book(PluginContext context, ShipmentRequest request) {
        return PostApi.book(context, request, ShipmentPurpose.SALE);
    }

    @Override
    public Shipment bookReturn(PluginContext context, ShipmentRequest request) {
        return PostApi.book(context, request, ShipmentPurpose.RETURN);
    }
}
