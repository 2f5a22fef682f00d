package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Parcel;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to quote: the same parcels from each candidate warehouse to one destination.
 *
 * @param origins     the candidate warehouses; at least one, distinct ids
 * @param destination the delivery address
 * @param parcels     the parcels; at least one
 * @param currency    the currency to quote in (the shopper's checkout currency)
 * @param shipDate    the earliest day the parcels can leave
 */
public record RateRequest(
        List<Warehouse> origins, Address destination, List<Parcel> parcels, Currency currency, LocalDate shipDate) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid or two origins share an id
     */
    public RateRequest {
        origins = Checks.nonEmptyList(origins, "RateRequest.origins");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < origins.size(); i++) {
            if (!ids.add(origins.get(i).warehouseId())) {
                throw new IllegalArgumentException("RateRequest.origins[" + i + "].warehouseId \""
                        + origins.get(i).warehouseId() + "\" is used by another origin");
            }
        }
        Checks.required(destination, "RateRequest.destination");
        parcels = Checks.nonEmptyList(parcels, "RateRequest.parcels");
        Checks.required(currency, "RateRequest.currency");
        Checks.required(shipDate, "RateRequest.shipDate");
    }
}
