package io.caravan.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.carriers.CarrierShipment;
import io.caravan.sdk.carriers.CustomsContentType;
import io.caravan.sdk.carriers.RateRequest;
import io.caravan.sdk.carriers.ShipmentPurpose;
import io.caravan.sdk.carriers.ShipmentRequest;
import io.caravan.sdk.events.OrderEvent;
import io.caravan.sdk.model.AppliedDiscount;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.model.WarehouseKind;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.returns.ReturnLine;
import io.caravan.sdk.returns.ReturnReason;
import io.caravan.sdk.returns.ReturnRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommerceFixturesTest {
    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

    private static Cart cart() {
        return Cart.builder()
                .currency("EUR")
                .line(LineItem.builder()
                        .lineId("1")
                        .sku("TEE-M")
                        .quantity(2)
                        .unitPrice(Money.ofMinor(1999, "EUR"))
                        .discount(Money.ofMinor(398, "EUR"))
                        .weightGrams(180)
                        .origin(CountryCode.of("CN"))
                        .build())
                .discount(new AppliedDiscount("TEN", "10 % off", "store", Money.ofMinor(398, "EUR")))
                .shipping(Money.ofMinor(490, "EUR"))
                .shipTo(CountryCode.of("DE"), "Berlin")
                .orderDate(CommerceFixtures.date("2026-11-23"))
                .build();
    }

    @Test
    void a_rate_request_ships_the_cart_as_one_consignment_valued_after_discounts() {
        RateRequest request = CommerceFixtures.rateRequest(
                cart(),
                CommerceFixtures.warehouse("shenzhen-hub", "CN", WarehouseKind.ORIGIN_HUB, 1),
                DutyTreatment.DAP);
        assertThat(request.consignments()).singleElement().satisfies(c -> {
            assertThat(c.consignmentId()).isEqualTo("c1");
            assertThat(c.goodsValue()).isEqualTo(Money.ofMinor(3600, "EUR"));
            assertThat(c.weightGrams()).isEqualTo(360);
            assertThat(c.from().handlingDays()).isEqualTo(1);
        });
        assertThat(request.destination().country()).isEqualTo(CountryCode.of("DE"));
    }

    @Test
    void an_order_and_its_first_event_carry_the_cart_totals() {
        Order order = CommerceFixtures.order("o-1", cart(), AT);
        assertThat(order.totals().discounts()).isEqualTo(Money.ofMinor(398, "EUR"));
        assertThat(order.totals().total()).isEqualTo(Money.ofMinor(4090, "EUR"));
        OrderEvent placed = CommerceFixtures.placed("e-1", order);
        assertThat(placed.sequence()).isEqualTo(1);
        assertThat(placed.orderId()).isEqualTo("o-1");
        assertThat(CommerceFixtures.notification("{}", Map.of("Sig", List.of("x")), AT)
                        .headers())
                .containsKey("sig");
        assertThat(CommerceFixtures.authorization("att-1", "o-1", "card", Money.ofMinor(4090, "EUR"))
                        .attemptKey())
                .isEqualTo("att-1");
    }

    @Test
    void a_sale_and_its_return_are_booked_across_the_border_with_customs_and_the_return_goes_back() {
        Order order = CommerceFixtures.order("o-1", cart(), AT);
        var hub = CommerceFixtures.warehouse("shenzhen-hub", "CN", WarehouseKind.ORIGIN_HUB, 1);
        ShipmentRequest sale = CommerceFixtures.shipmentRequest("shp-1", order, hub, "ECO");
        assertThat(sale.purpose()).isEqualTo(ShipmentPurpose.SALE);
        assertThat(sale.from()).isEqualTo(hub.address());
        assertThat(sale.goodsValue()).isEqualTo(Money.ofMinor(3600, "EUR"));
        assertThat(sale.customs().contentType()).isEqualTo(CustomsContentType.SALE_OF_GOODS);
        assertThat(sale.customs().postage()).isEqualTo(Money.ofMinor(490, "EUR"));

        CarrierShipment delivered = new CarrierShipment("sandbox-post", "bk-1", "RR123456785CN");
        ShipmentRequest back =
                CommerceFixtures.returnShipmentRequest("shp-2", order, hub, delivered, "RMA-1", "ECO-RETURN");
        assertThat(back.purpose()).isEqualTo(ShipmentPurpose.RETURN);
        assertThat(back.to()).isEqualTo(hub.address());
        assertThat(back.customs().contentType()).isEqualTo(CustomsContentType.RETURNED_GOODS);
        assertThat(back.idempotencyKey()).isNotEqualTo(sale.idempotencyKey());

        var berlin = CommerceFixtures.warehouse("berlin", "DE", WarehouseKind.OVERSEAS, 1);
        assertThat(CommerceFixtures.shipmentRequest("shp-3", order, berlin, "STD")
                        .customs())
                .isNull();
        assertThat(CommerceFixtures.trackingRequest(delivered, cart()).destinationCountry())
                .isEqualTo(CountryCode.of("DE"));
    }

    @Test
    void a_return_case_has_every_unit_delivered_on_the_day() {
        Order order = CommerceFixtures.order("o-1", cart(), AT);
        ReturnRequest request = CommerceFixtures.returnRequest(
                "r-1",
                order,
                ReturnLine.refund("1", 1, ReturnReason.CHANGED_MIND),
                CommerceFixtures.date("2026-11-30"),
                AT.plusSeconds(86_400 * 10));
        assertThat(request.lastDeliveredOn()).contains(CommerceFixtures.date("2026-11-30"));
    }
}
