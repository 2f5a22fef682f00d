package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Parcel;
import io.caravan.sdk.model.Warehouse;
import io.caravan.sdk.money.Money;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A request to book one shipment (a sale's consignment, or a return) and get its labels. The
 * platform owns the shipment record: it builds this request from its own data, sends it under its
 * own idempotency key, checks the answer against it and records it; the plugin books at its carrier.
 *
 * <p>Build one with {@link #builder()}; the builder leaves nothing to defaults the carrier would
 * need, except {@code purpose} ({@link ShipmentPurpose#SALE}) and {@code labelFormat}
 * ({@link LabelFormat#PDF_A6}).
 *
 * @param idempotencyKey   the platform's key for this booking: one key per (shipment, carrier
 *                         installation), never reused for another shipment; a repeated call with
 *                         the same key returns the first booking and never books a second pickup or
 *                         label. At most 128 characters
 * @param purpose          a sale or a return
 * @param shipmentId       the platform's id of the shipment, printed as the shipper's reference
 *                         with the order id; at most 64 characters
 * @param orderId          the store's order id; at most 64 characters
 * @param originalShipment for a {@link ShipmentPurpose#RETURN}, the shipment that delivered the goods
 *                         (carriers link the two and price returns of their own shipments); required
 *                         for a return, null for a sale
 * @param rmaNumber        for a return, the return case's authorisation number, printed on the label
 *                         so the warehouse knows the parcel; required for a return, null for a sale;
 *                         at most 64 characters
 * @param serviceCode      the service to book, a {@link RateQuote#serviceCode()} of this plugin; at
 *                         most 64 characters
 * @param quoteId          the {@link RateQuote#quoteId()} the shopper chose, or null (returns, and
 *                         shipments the merchant re-routed); at most 128 characters
 * @param warehouse        the store's warehouse at the store's end: the sender of a sale, the
 *                         receiver of a return
 * @param from             where the parcels are picked up or handed in: for a sale the warehouse's
 *                         address, for a return the shopper's
 * @param to               where they are delivered: for a sale the shopper's address, for a return
 *                         the warehouse's
 * @param recipientPhone   the phone number the courier calls (the shopper for a sale, the warehouse
 *                         for a return), or null; at most 32 characters
 * @param lines            the consignment: the order lines (or parts of lines) the parcels carry; at
 *                         least one, distinct line ids, valued in one currency
 * @param goodsValue       the value of the goods, the lines' total (what insurance and the
 *                         cash-on-delivery check compare); not negative
 * @param parcels          the packed parcels; at least one, at most 99; their line references are
 *                         lines of this request
 * @param customs          the customs declaration when the shipment crosses a customs border (the
 *                         platform decides, from the countries and customs unions), or null; never
 *                         for a shipment within one country; {@link CustomsContentType#RETURNED_GOODS}
 *                         for a return
 * @param codAmount        for a cash-on-delivery sale, the amount the courier collects from the
 *                         shopper (the order's amount still due); null for every other shipment and
 *                         never on a return; greater than zero
 * @param labelFormat      the format the store prints labels in
 */
public record ShipmentRequest(
        String idempotencyKey,
        ShipmentPurpose purpose,
        String shipmentId,
        String orderId,
        CarrierShipment originalShipment,
        String rmaNumber,
        String serviceCode,
        String quoteId,
        Warehouse warehouse,
        Address from,
        Address to,
        String recipientPhone,
        List<ConsignmentLine> lines,
        Money goodsValue,
        List<Parcel> parcels,
        CustomsDeclaration customs,
        Money codAmount,
        LabelFormat labelFormat) {

    /** The most parcels one shipment holds. */
    public static final int MAX_PARCELS = 99;

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid or the components contradict each
     *                                  other (a return without its original shipment, a sale that
     *                                  does not leave from its warehouse, a COD amount on a return,
     *                                  customs on a domestic shipment …); the message names the field
     */
    public ShipmentRequest {
        Checks.text(idempotencyKey, "ShipmentRequest.idempotencyKey", 128);
        Checks.required(purpose, "ShipmentRequest.purpose");
        Checks.text(shipmentId, "ShipmentRequest.shipmentId", 64);
        Checks.text(orderId, "ShipmentRequest.orderId", 64);
        Checks.optionalText(rmaNumber, "ShipmentRequest.rmaNumber", 64);
        Checks.text(serviceCode, "ShipmentRequest.serviceCode", 64);
        Checks.optionalText(quoteId, "ShipmentRequest.quoteId", 128);
        Checks.required(warehouse, "ShipmentRequest.warehouse");
        Checks.required(from, "ShipmentRequest.from");
        Checks.required(to, "ShipmentRequest.to");
        Checks.optionalText(recipientPhone, "ShipmentRequest.recipientPhone", 32);
        lines = Checks.nonEmptyList(lines, "ShipmentRequest.lines");
        Checks.nonNegative(goodsValue, "ShipmentRequest.goodsValue");
        parcels = Checks.nonEmptyList(parcels, "ShipmentRequest.parcels");
        Checks.required(labelFormat, "ShipmentRequest.labelFormat");

        if (purpose == ShipmentPurpose.SALE) {
            if (originalShipment != null) {
                throw new IllegalArgumentException("ShipmentRequest.originalShipment must be null for a SALE");
            }
            if (rmaNumber != null) {
                throw new IllegalArgumentException("ShipmentRequest.rmaNumber must be null for a SALE");
            }
            if (!from.equals(warehouse.address())) {
                throw new IllegalArgumentException(
                        "ShipmentRequest.from must be the warehouse's address for a SALE (it leaves from "
                                + warehouse.warehouseId() + ")");
            }
        } else {
            if (originalShipment == null) {
                throw new IllegalArgumentException(
                        "ShipmentRequest.originalShipment is required for a RETURN (the shipment that delivered the goods)");
            }
            if (rmaNumber == null) {
                throw new IllegalArgumentException("ShipmentRequest.rmaNumber is required for a RETURN");
            }
            if (!to.equals(warehouse.address())) {
                throw new IllegalArgumentException(
                        "ShipmentRequest.to must be the warehouse's address for a RETURN (it goes back to "
                                + warehouse.warehouseId() + ")");
            }
            if (codAmount != null) {
                throw new IllegalArgumentException("ShipmentRequest.codAmount must be null for a RETURN");
            }
            if (customs != null && customs.contentType() != CustomsContentType.RETURNED_GOODS) {
                throw new IllegalArgumentException(
                        "ShipmentRequest.customs.contentType must be RETURNED_GOODS for a RETURN, was "
                                + customs.contentType());
            }
        }

        Set<String> lineIds = new HashSet<>();
        Money total = Money.zero(goodsValue.currency());
        for (int i = 0; i < lines.size(); i++) {
            ConsignmentLine line = lines.get(i);
            if (!lineIds.add(line.lineId())) {
                throw new IllegalArgumentException(
                        "ShipmentRequest.lines[" + i + "].lineId \"" + line.lineId() + "\" is listed twice");
            }
            Checks.currency(line.value(), goodsValue.currency(), "ShipmentRequest.lines[" + i + "].value");
            total = total.plus(line.value());
        }
        if (!total.equals(goodsValue)) {
            throw new IllegalArgumentException(
                    "ShipmentRequest.goodsValue must be the lines' total (" + total + "), was " + goodsValue);
        }
        if (parcels.size() > MAX_PARCELS) {
            throw new IllegalArgumentException(
                    "ShipmentRequest.parcels must hold at most " + MAX_PARCELS + " parcels, had " + parcels.size());
        }
        for (int i = 0; i < parcels.size(); i++) {
            Parcel parcel = parcels.get(i);
            Checks.currency(parcel.value(), goodsValue.currency(), "ShipmentRequest.parcels[" + i + "].value");
            for (String ref : parcel.lineRefs()) {
                if (!lineIds.contains(ref)) {
                    throw new IllegalArgumentException("ShipmentRequest.parcels[" + i + "].lineRefs names \"" + ref
                            + "\", not a line of this shipment");
                }
            }
        }
        if (customs != null && from.country().equals(to.country())) {
            throw new IllegalArgumentException("ShipmentRequest.customs must be null for a shipment within "
                    + from.country() + ": nothing crosses a border");
        }
        if (codAmount != null) {
            Checks.positive(codAmount, "ShipmentRequest.codAmount");
        }
    }

    /**
     * A builder.
     *
     * @return an empty builder, purpose {@link ShipmentPurpose#SALE}, labels {@link LabelFormat#PDF_A6}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether the courier collects money on delivery.
     *
     * @return true when {@link #codAmount()} is set
     */
    public boolean cashOnDelivery() {
        return codAmount != null;
    }

    /**
     * Builds a {@link ShipmentRequest}. {@code goodsValue} defaults to the lines' total.
     */
    public static final class Builder {
        private String idempotencyKey;
        private ShipmentPurpose purpose = ShipmentPurpose.SALE;
        private String shipmentId;
        private String orderId;
        private CarrierShipment originalShipment;
        private String rmaNumber;
        private String serviceCode;
        private String quoteId;
        private Warehouse warehouse;
        private Address from;
        private Address to;
        private String recipientPhone;
        private final List<ConsignmentLine> lines = new ArrayList<>();
        private Money goodsValue;
        private final List<Parcel> parcels = new ArrayList<>();
        private CustomsDeclaration customs;
        private Money codAmount;
        private LabelFormat labelFormat = LabelFormat.PDF_A6;

        private Builder() {}

        /**
         * Sets the idempotency key.
         *
         * @param idempotencyKey the platform's key for the booking
         * @return this builder
         */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /**
         * Sets the purpose.
         *
         * @param purpose a sale or a return
         * @return this builder
         */
        public Builder purpose(ShipmentPurpose purpose) {
            this.purpose = purpose;
            return this;
        }

        /**
         * Sets the platform's shipment id.
         *
         * @param shipmentId the id
         * @return this builder
         */
        public Builder shipmentId(String shipmentId) {
            this.shipmentId = shipmentId;
            return this;
        }

        /**
         * Sets the order id.
         *
         * @param orderId the store's order id
         * @return this builder
         */
        public Builder orderId(String orderId) {
            this.orderId = orderId;
            return this;
        }

        /**
         * Sets the original shipment of a return.
         *
         * @param originalShipment the shipment that delivered the goods
         * @return this builder
         */
        public Builder originalShipment(CarrierShipment originalShipment) {
            this.originalShipment = originalShipment;
            return this;
        }

        /**
         * Sets the RMA number of a return.
         *
         * @param rmaNumber the return case's authorisation number
         * @return this builder
         */
        public Builder rmaNumber(String rmaNumber) {
            this.rmaNumber = rmaNumber;
            return this;
        }

        /**
         * Sets the service.
         *
         * @param serviceCode a service code of the plugin
         * @return this builder
         */
        public Builder serviceCode(String serviceCode) {
            this.serviceCode = serviceCode;
            return this;
        }

        /**
         * Sets the quote the shopper chose.
         *
         * @param quoteId the quote id, or null
         * @return this builder
         */
        public Builder quoteId(String quoteId) {
            this.quoteId = quoteId;
            return this;
        }

        /**
         * Sets the warehouse at the store's end.
         *
         * @param warehouse the warehouse
         * @return this builder
         */
        public Builder warehouse(Warehouse warehouse) {
            this.warehouse = warehouse;
            return this;
        }

        /**
         * Sets where the parcels leave from.
         *
         * @param from the pickup address
         * @return this builder
         */
        public Builder from(Address from) {
            this.from = from;
            return this;
        }

        /**
         * Sets where the parcels go.
         *
         * @param to the delivery address
         * @return this builder
         */
        public Builder to(Address to) {
            this.to = to;
            return this;
        }

        /**
         * Sets the phone number the courier calls.
         *
         * @param recipientPhone the number, or null
         * @return this builder
         */
        public Builder recipientPhone(String recipientPhone) {
            this.recipientPhone = recipientPhone;
            return this;
        }

        /**
         * Adds lines of the consignment.
         *
         * @param lines the lines
         * @return this builder
         */
        public Builder lines(List<ConsignmentLine> lines) {
            this.lines.addAll(lines);
            return this;
        }

        /**
         * Sets the goods value (the lines' total when not set).
         *
         * @param goodsValue the value
         * @return this builder
         */
        public Builder goodsValue(Money goodsValue) {
            this.goodsValue = goodsValue;
            return this;
        }

        /**
         * Adds parcels.
         *
         * @param parcels the parcels
         * @return this builder
         */
        public Builder parcels(List<Parcel> parcels) {
            this.parcels.addAll(parcels);
            return this;
        }

        /**
         * Sets the customs declaration.
         *
         * @param customs the declaration, or null
         * @return this builder
         */
        public Builder customs(CustomsDeclaration customs) {
            this.customs = customs;
            return this;
        }

        /**
         * Sets the amount to collect on delivery.
         *
         * @param codAmount the amount, or null when not cash on delivery
         * @return this builder
         */
        public Builder codAmount(Money codAmount) {
            this.codAmount = codAmount;
            return this;
        }

        /**
         * Sets the label format.
         *
         * @param labelFormat the format
         * @return this builder
         */
        public Builder labelFormat(LabelFormat labelFormat) {
            this.labelFormat = labelFormat;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException if a component is missing, invalid or contradicts another
         */
        public ShipmentRequest build() {
            Money value = goodsValue;
            if (value == null && !lines.isEmpty()) {
                value = Money.zero(lines.get(0).value().currency());
                for (ConsignmentLine line : lines) {
                    value = value.plus(line.value());
                }
            }
            return new ShipmentRequest(
                    idempotencyKey,
                    purpose,
                    shipmentId,
                    orderId,
                    originalShipment,
                    rmaNumber,
                    serviceCode,
                    quoteId,
                    warehouse,
                    from,
                    to,
                    recipientPhone,
                    lines,
                    value,
                    parcels,
                    customs,
                    codAmount,
                    labelFormat);
        }
    }
}
