package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.net.URI;
import java.util.List;

/**
 * A booking the carrier accepted, as the plugin reports it. The platform checks it against its
 * request (the service asked, one tracking number and one label per parcel, the label format) and
 * records the shipment; from then on its state is the platform's, moved by tracking events.
 *
 * @param carrierCode           the carrier that carries it ({@code "postnl"}; an aggregator names the
 *                              carrier it booked, not itself); lower-case letters, digits and
 *                              hyphens, at most 40 characters
 * @param shipmentReference     the carrier's id of the booking (to cancel, track or return it); at
 *                              most 128 characters
 * @param serviceCode           the carrier service booked, the request's {@code serviceCode}; at most
 *                              64 characters
 * @param trackingNumber        the shipment's tracking number, the one the shopper is given (the
 *                              first parcel's for a multi-piece shipment); for postal items a UPU
 *                              S10 number such as {@code "RR123456785CN"}; at most 64 characters
 * @param trackingUrl           the carrier's public tracking page for it, or null; an absolute
 *                              {@code https} URI of at most 2000 characters
 * @param parcelTrackingNumbers one tracking number per parcel, in the request's parcel order (a
 *                              single-piece shipment has one, equal to {@code trackingNumber});
 *                              each at most 64 characters
 * @param documents             the documents to print: at least one {@link DocumentKind#LABEL},
 *                              and the customs forms the declaration needs
 * @param charge                what the carrier charges the store for it, or null if not known at
 *                              booking; not negative
 */
public record Shipment(
        String carrierCode,
        String shipmentReference,
        String serviceCode,
        String trackingNumber,
        URI trackingUrl,
        List<String> parcelTrackingNumbers,
        List<ShippingDocument> documents,
        Money charge) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid or no document is a label; the
     *                                  message names the field
     */
    public Shipment {
        CarrierShipment.carrierCode(carrierCode, "Shipment.carrierCode");
        Checks.text(shipmentReference, "Shipment.shipmentReference", 128);
        Checks.text(serviceCode, "Shipment.serviceCode", 64);
        Checks.text(trackingNumber, "Shipment.trackingNumber", 64);
        https(trackingUrl, "Shipment.trackingUrl");
        parcelTrackingNumbers = Checks.nonEmptyList(parcelTrackingNumbers, "Shipment.parcelTrackingNumbers");
        for (int i = 0; i < parcelTrackingNumbers.size(); i++) {
            Checks.text(parcelTrackingNumbers.get(i), "Shipment.parcelTrackingNumbers[" + i + "]", 64);
        }
        documents = Checks.nonEmptyList(documents, "Shipment.documents");
        if (documents.stream().noneMatch(d -> d.kind() == DocumentKind.LABEL)) {
            throw new IllegalArgumentException("Shipment.documents must hold at least one LABEL");
        }
        if (charge != null) {
            Checks.nonNegative(charge, "Shipment.charge");
        }
    }

    /**
     * What later calls name this shipment by.
     *
     * @return the carrier, the booking reference and the tracking number
     */
    public CarrierShipment identity() {
        return new CarrierShipment(carrierCode, shipmentReference, trackingNumber);
    }

    /**
     * The documents of one kind.
     *
     * @param kind a kind
     * @return those documents, in the answer's order
     */
    public List<ShippingDocument> documents(DocumentKind kind) {
        return documents.stream().filter(d -> d.kind() == kind).toList();
    }

    static URI https(URI url, String field) {
        if (url == null) {
            return null;
        }
        if (!url.isAbsolute() || !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException(field + " must be an absolute https URI, was " + url);
        }
        if (url.toString().length() > 2000) {
            throw new IllegalArgumentException(field + " must be at most 2000 characters");
        }
        return url;
    }
}
