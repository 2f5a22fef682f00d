package io.caravan.testkit;

import io.caravan.sdk.carriers.CarrierShipment;
import io.caravan.sdk.carriers.Consignment;
import io.caravan.sdk.carriers.ConsignmentLine;
import io.caravan.sdk.carriers.CustomsContentType;
import io.caravan.sdk.carriers.CustomsDeclaration;
import io.caravan.sdk.carriers.CustomsItem;
import io.caravan.sdk.carriers.RateRequest;
import io.caravan.sdk.carriers.ShipmentPurpose;
import io.caravan.sdk.carriers.ShipmentRequest;
import io.caravan.sdk.carriers.TrackingRequest;
import io.caravan.sdk.events.OrderEvent;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.FulfilmentStatus;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.model.OrderEventType;
import io.caravan.sdk.model.OrderStatus;
import io.caravan.sdk.model.OrderTotals;
import io.caravan.sdk.model.Parcel;
import io.caravan.sdk.model.PaymentStatus;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.ReturnStatus;
import io.caravan.sdk.model.Warehouse;
import io.caravan.sdk.model.WarehouseKind;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.AuthorizationRequest;
import io.caravan.sdk.plugin.ProviderNotification;
import io.caravan.sdk.returns.LineDelivery;
import io.caravan.sdk.returns.ReturnLine;
import io.caravan.sdk.returns.ReturnRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ready-made commerce values for plugin tests, built the way the platform builds them: a
 * warehouse, the request a carrier is asked (a cart's lines as one consignment), the booking of a
 * sale's shipment and of its return, a tracking request, a return case, a placed order, an order
 * event, a payment authorisation request, a provider notification. Start from these and
 * change what the test is about; carts and lines have their own builders ({@link Cart#builder()},
 * {@link LineItem#builder()}).
 *
 * <pre>{@code
 * Cart cart = Cart.builder().currency("EUR").line(LineItem.builder().lineId("1").sku("TEE-M")
 *         .unitPrice(Money.ofMinor(1999, "EUR")).weightGrams(180).origin(CountryCode.of("CN")).build())
 *         .shipTo(CountryCode.of("DE"), "Berlin").orderDate(LocalDate.of(2026, 11, 23)).build();
 * RateRequest request = CommerceFixtures.rateRequest(cart, CommerceFixtures.warehouse("shenzhen-hub", "CN",
 *         WarehouseKind.ORIGIN_HUB, 1), DutyTreatment.DAP);
 * }</pre>
 */
public final class CommerceFixtures {

    private CommerceFixtures() {}

    /**
     * A warehouse with a plausible address in a country.
     *
     * @param warehouseId  the id
     * @param countryCode  ISO 3166-1 alpha-2 code
     * @param kind         what kind of place it is
     * @param handlingDays its handling days
     * @return the warehouse
     */
    public static Warehouse warehouse(String warehouseId, String countryCode, WarehouseKind kind, int handlingDays) {
        Address address = new Address(
                CountryCode.of(countryCode),
                null,
                null,
                "Warehouse city",
                List.of("1 Dock Road"),
                "Warehouse " + warehouseId);
        return new Warehouse(warehouseId, address, kind, handlingDays);
    }

    /**
     * Every line of a cart as one consignment from one warehouse, not packed yet.
     *
     * @param consignmentId the consignment's id
     * @param cart          the cart
     * @param from          the warehouse
     * @return the consignment, valued at the lines' net amounts
     */
    public static Consignment consignment(String consignmentId, Cart cart, Warehouse from) {
        List<ConsignmentLine> lines = new ArrayList<>();
        for (LineItem line : cart.lines()) {
            lines.add(ConsignmentLine.of(line));
        }
        return Consignment.of(consignmentId, from, lines);
    }

    /**
     * The rate request for a cart shipped from one warehouse: one consignment {@code "c1"}, to the
     * cart's address, in its currency, on its order date.
     *
     * @param cart          the cart
     * @param from          the warehouse
     * @param dutyTreatment who pays import charges
     * @return the request
     */
    public static RateRequest rateRequest(Cart cart, Warehouse from, DutyTreatment dutyTreatment) {
        return new RateRequest(
                List.of(consignment("c1", cart, from)),
                cart.shipTo(),
                cart.currency(),
                cart.orderDate(),
                dutyTreatment);
    }

    /**
     * The booking request for a whole order shipped from one warehouse in one parcel: key
     * {@code "<shipmentId>/booking"}, the cart's lines, a parcel of their weight (at least 1 g) with
     * 1 cm sides, and — when the warehouse is in another country than the shopper — a customs
     * declaration of the lines valued after discounts (prices taken as excluding tax), postage the
     * cart's shipping, {@link io.caravan.sdk.model.DutyTreatment#DAP}. Change what the test is about
     * through {@link ShipmentRequest#builder()} instead when you need more.
     *
     * @param shipmentId  the platform's shipment id
     * @param order       the order
     * @param from        the warehouse
     * @param serviceCode the service to book
     * @return the request, purpose {@link ShipmentPurpose#SALE}, labels PDF A6
     */
    public static ShipmentRequest shipmentRequest(String shipmentId, Order order, Warehouse from, String serviceCode) {
        return saleOrReturn(shipmentId + "/booking", shipmentId, order, from, serviceCode)
                .from(from.address())
                .to(order.cart().shipTo())
                .customs(customs(order.cart(), from, CustomsContentType.SALE_OF_GOODS))
                .build();
    }

    /**
     * The booking request that brings a whole order back to a warehouse, after {@code original}
     * delivered it: purpose {@link ShipmentPurpose#RETURN}, declared as returned goods when it
     * crosses a border.
     *
     * @param shipmentId  the platform's id of the return shipment
     * @param order       the order
     * @param to          the warehouse it goes back to
     * @param original    the shipment that delivered it
     * @param rmaNumber   the return case's RMA number
     * @param serviceCode the return service to book
     * @return the request
     */
    public static ShipmentRequest returnShipmentRequest(
            String shipmentId,
            Order order,
            Warehouse to,
            CarrierShipment original,
            String rmaNumber,
            String serviceCode) {
        return saleOrReturn(shipmentId + "/booking", shipmentId, order, to, serviceCode)
                .purpose(ShipmentPurpose.RETURN)
                .originalShipment(original)
                .rmaNumber(rmaNumber)
                .from(order.cart().shipTo())
                .to(to.address())
                .customs(customs(order.cart(), to, CustomsContentType.RETURNED_GOODS))
                .build();
    }

    private static ShipmentRequest.Builder saleOrReturn(
            String key, String shipmentId, Order order, Warehouse warehouse, String serviceCode) {
        List<ConsignmentLine> lines = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        long grams = 0;
        for (LineItem line : order.cart().lines()) {
            lines.add(ConsignmentLine.of(line));
            refs.add(line.lineId());
            grams += line.totalWeightGrams();
        }
        Money value = Consignment.of("c1", warehouse, lines).goodsValue();
        Parcel parcel = new Parcel(Math.max(1, grams), new io.caravan.sdk.model.Dimensions(10, 10, 10), value, refs);
        return ShipmentRequest.builder()
                .idempotencyKey(key)
                .shipmentId(shipmentId)
                .orderId(order.id())
                .serviceCode(serviceCode)
                .warehouse(warehouse)
                .lines(lines)
                .parcels(List.of(parcel));
    }

    private static CustomsDeclaration customs(Cart cart, Warehouse warehouse, CustomsContentType type) {
        if (warehouse.address().country().equals(cart.shipTo().country())) {
            return null;
        }
        List<CustomsItem> items = new ArrayList<>();
        for (LineItem line : cart.lines()) {
            items.add(CustomsItem.of(line, PriceDisplay.EXCLUDING_TAX, Money.zero(cart.currency())));
        }
        return new CustomsDeclaration(type, DutyTreatment.DAP, items, cart.shipping(), null, null, null, null, null);
    }

    /**
     * What tracking is asked for a booked shipment delivered to a cart's address.
     *
     * @param shipment the booking
     * @param cart     the cart whose address it goes to
     * @return the request
     */
    public static TrackingRequest trackingRequest(CarrierShipment shipment, Cart cart) {
        return new TrackingRequest(
                shipment, cart.shipTo().country(), cart.shipTo().postalCode());
    }

    /**
     * A return case for one line of an order, every unit of the order delivered on one day, opened
     * at a time, asking for a refund. Add the statutory answers, warehouses and due dates a test
     * needs through {@link ReturnRequest#builder()}.
     *
     * @param returnId    the case id
     * @param order       the order
     * @param line        the line to return
     * @param deliveredOn the day everything was delivered
     * @param requestedAt when the case was opened
     * @return the request, status {@code REQUESTED}
     */
    public static ReturnRequest returnRequest(
            String returnId, Order order, ReturnLine line, LocalDate deliveredOn, Instant requestedAt) {
        ReturnRequest.Builder builder = ReturnRequest.builder()
                .returnId(returnId)
                .order(order)
                .line(line)
                .requestedAt(requestedAt);
        for (LineItem bought : order.cart().lines()) {
            builder.delivery(new LineDelivery(bought.lineId(), bought.quantity(), deliveredOn));
        }
        return builder.build();
    }

    /**
     * A cart placed as an order: totals from the cart (no tax, no duties), confirmed and paid,
     * nothing shipped or returned.
     *
     * @param orderId  the order id
     * @param cart     the cart
     * @param placedAt when it was placed
     * @return the order
     */
    public static Order order(String orderId, Cart cart, Instant placedAt) {
        OrderTotals totals = new OrderTotals(
                cart.subtotal(),
                cart.shipping(),
                cart.feesTotal(),
                cart.discountTotal(),
                Money.zero(cart.currency()),
                Money.zero(cart.currency()),
                cart.netTotal());
        return new Order(
                orderId,
                cart,
                totals,
                Map.of(),
                placedAt,
                OrderStatus.CONFIRMED,
                PaymentStatus.PAID,
                FulfilmentStatus.UNFULFILLED,
                ReturnStatus.NONE);
    }

    /**
     * The first event of an order, {@link OrderEventType#PLACED}, sequence 1.
     *
     * @param eventId the event id
     * @param order   the order
     * @return the event
     */
    public static OrderEvent placed(String eventId, Order order) {
        return new OrderEvent(
                eventId,
                order.id(),
                1,
                OrderEvent.SCHEMA_VERSION,
                OrderEventType.PLACED,
                order.placedAt(),
                order,
                null,
                null);
    }

    /**
     * An authorisation request for a cart's net total, by a guest shopper, with a return URL.
     *
     * @param attemptKey the platform's attempt key
     * @param orderId    the order id
     * @param methodCode the method code
     * @param amount     the amount
     * @return the request
     */
    public static AuthorizationRequest authorization(
            String attemptKey, String orderId, String methodCode, Money amount) {
        return new AuthorizationRequest(
                attemptKey,
                orderId,
                methodCode,
                amount,
                new Customer("guest-1", null, null, null),
                null,
                null,
                URI.create("https://shop.example/checkout/return"),
                null);
    }

    /**
     * A provider notification as the platform hands it over: a UTF-8 body and headers (lower-cased
     * by the record).
     *
     * @param body       the raw body
     * @param headers    the headers, e.g. a signature header
     * @param receivedAt when it arrived
     * @return the notification
     */
    public static ProviderNotification notification(
            String body, Map<String, List<String>> headers, Instant receivedAt) {
        return new ProviderNotification(headers, body.getBytes(StandardCharsets.UTF_8), receivedAt);
    }

    /**
     * A day, for carts and requests.
     *
     * @param isoDate e.g. {@code "2026-11-23"}
     * @return the date
     */
    public static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
