package io.caravan.sdk.carriers;

import static io.caravan.sdk.Fixtures.CN;
import static io.caravan.sdk.Fixtures.DE;
import static io.caravan.sdk.Fixtures.EUR;
import static io.caravan.sdk.Fixtures.NOW;
import static io.caravan.sdk.Fixtures.TODAY;
import static io.caravan.sdk.Fixtures.address;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static io.caravan.sdk.Fixtures.eur;
import static io.caravan.sdk.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Dimensions;
import io.caravan.sdk.model.Parcel;
import io.caravan.sdk.money.ExchangeRate;
import io.caravan.sdk.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CarrierValuesTest {
    private static final Warehouse SHENZHEN = new Warehouse(
            "shenzhen-hub", new Address(CN, "Guangdong", "518000", "Shenzhen", List.of("1 Logistics Rd"), "Hub"));
    private static final Warehouse LEIPZIG = new Warehouse("leipzig", address());
    private static final Parcel PARCEL = new Parcel(600, new Dimensions(300, 200, 100), eur(4998), List.of("1"));
    private static final Currency CNY = Currency.getInstance("CNY");

    @Nested
    class Rating {
        @Test
        void warehousesNeedIdAndAddress() {
            assertInvalid(() -> new Warehouse(" ", address()), "Warehouse.warehouseId");
            assertInvalid(() -> new Warehouse("w", null), "Warehouse.address is required");
        }

        @Test
        void requestNeedsDistinctOriginsAndParcels() {
            assertInvalid(
                    () -> new RateRequest(List.of(), address(), List.of(PARCEL), EUR, TODAY),
                    "RateRequest.origins must not be empty");
            assertInvalid(
                    () -> new RateRequest(List.of(LEIPZIG, LEIPZIG), address(), List.of(PARCEL), EUR, TODAY),
                    "RateRequest.origins[1].warehouseId \"leipzig\" is used by another origin");
            assertInvalid(
                    () -> new RateRequest(List.of(LEIPZIG), address(), List.of(), EUR, TODAY),
                    "RateRequest.parcels must not be empty");
            assertInvalid(
                    () -> new RateRequest(List.of(LEIPZIG), null, List.of(PARCEL), EUR, TODAY),
                    "RateRequest.destination is required");
            assertInvalid(
                    () -> new RateRequest(List.of(LEIPZIG), address(), List.of(PARCEL), null, TODAY),
                    "RateRequest.currency is required");
            assertInvalid(
                    () -> new RateRequest(List.of(LEIPZIG), address(), List.of(PARCEL), EUR, null),
                    "RateRequest.shipDate is required");
            assertThat(new RateRequest(List.of(SHENZHEN, LEIPZIG), address(), List.of(PARCEL), EUR, TODAY).origins())
                    .hasSize(2);
        }

        @Test
        void transitDaysAreOrdered() {
            assertInvalid(() -> quote(eur(500), null, null, -1, 2), "RateQuote.minTransitDays must be >= 0");
            assertInvalid(
                    () -> quote(eur(500), null, null, 5, 3), "RateQuote.maxTransitDays must be >= minTransitDays (5)");
            assertThat(quote(eur(500), null, null, 5, 7).maxTransitDays()).isEqualTo(7);
        }

        @Test
        void aConvertedPriceShowsItsRate() {
            ExchangeRate cnyToEur = new ExchangeRate(CNY, EUR, new BigDecimal("0.1271"), NOW, "ECB");
            Money carrier = Money.ofMinor(3600, "CNY");
            assertThat(quote(eur(458), carrier, cnyToEur, 5, 7).conversion()).isEqualTo(cnyToEur);
            assertInvalid(
                    () -> quote(eur(458), carrier, null, 5, 7),
                    "RateQuote.conversion must be given exactly when carrierPrice is");
            assertInvalid(
                    () -> quote(eur(458), null, cnyToEur, 5, 7),
                    "RateQuote.conversion must be given exactly when carrierPrice is");
            ExchangeRate wrong = new ExchangeRate(Currency.getInstance("USD"), EUR, BigDecimal.ONE, NOW, "ECB");
            assertInvalid(() -> quote(eur(458), carrier, wrong, 5, 7), "RateQuote.conversion must convert CNY to EUR");
        }

        @Test
        void priceIsNotNegativeAndServiceNamed() {
            assertInvalid(() -> quote(eur(-1), null, null, 1, 2), "RateQuote.price must not be negative");
            assertInvalid(
                    () -> new RateQuote("w", "", "Express", eur(1), null, null, 1, 2, true, null),
                    "RateQuote.serviceCode");
            assertInvalid(
                    () -> new RateQuote("w", "EXP", " ", eur(1), null, null, 1, 2, true, null),
                    "RateQuote.serviceName");
            assertInvalid(
                    () -> new RateQuote("", "EXP", "Express", eur(1), null, null, 1, 2, true, null),
                    "RateQuote.warehouseId");
        }

        private RateQuote quote(Money price, Money carrierPrice, ExchangeRate conversion, int min, int max) {
            return new RateQuote(
                    "shenzhen-hub",
                    "ECO",
                    "Economy, tracked",
                    price,
                    carrierPrice,
                    conversion,
                    min,
                    max,
                    true,
                    "Shipped from the Shenzhen hub");
        }
    }

    @Nested
    class Shipping {
        @Test
        void customsItemsComeFromCartLines() {
            CustomsItem item = CustomsItem.of(line("1", eur(1999)));
            assertThat(item.quantity()).isEqualTo(2);
            assertThat(item.value()).isEqualTo(eur(3998));
            assertThat(item.weightGrams()).isEqualTo(360);
            assertThat(item.hsCode().code()).isEqualTo("610910");
            assertInvalid(() -> new CustomsItem("Shirt", null, CN, 0, 1, eur(1)), "CustomsItem.quantity must be > 0");
            assertInvalid(() -> new CustomsItem("", null, CN, 1, 1, eur(1)), "CustomsItem.description");
            assertInvalid(() -> new CustomsItem("Shirt", null, null, 1, 1, eur(1)), "CustomsItem.origin is required");
            assertInvalid(
                    () -> new CustomsItem("Shirt", null, CN, 1, -1, eur(1)), "CustomsItem.weightGrams must be >= 0");
            assertInvalid(
                    () -> new CustomsItem("Shirt", null, CN, 1, 1, eur(-1)), "CustomsItem.value must not be negative");
        }

        @Test
        void requestNeedsKeyServiceAndParcels() {
            assertInvalid(
                    () -> new ShipmentRequest(
                            "", "o", "ECO", SHENZHEN, address(), null, List.of(PARCEL), List.of(), true),
                    "ShipmentRequest.idempotencyKey");
            assertInvalid(
                    () -> new ShipmentRequest("k", "o", "ECO", SHENZHEN, address(), null, List.of(), List.of(), true),
                    "ShipmentRequest.parcels must not be empty");
            assertInvalid(
                    () -> new ShipmentRequest(
                            "k", "o", "", SHENZHEN, address(), null, List.of(PARCEL), List.of(), true),
                    "ShipmentRequest.serviceCode");
            assertInvalid(
                    () -> new ShipmentRequest("k", "o", "ECO", null, address(), null, List.of(PARCEL), List.of(), true),
                    "ShipmentRequest.origin is required");
            assertInvalid(
                    () -> new ShipmentRequest(
                            "k", "o", "ECO", SHENZHEN, address(), "1".repeat(33), List.of(PARCEL), List.of(), true),
                    "ShipmentRequest.recipientPhone must be at most 32");
            assertInvalid(
                    () -> new ShipmentRequest("k", "o", "ECO", SHENZHEN, address(), null, List.of(PARCEL), null, true),
                    "ShipmentRequest.customsItems is required");
        }

        @Test
        void labelsAreNonEmptyDocumentsWithAMediaType() {
            assertInvalid(() -> new Label(0, "application/pdf", new byte[0]), "Label.content must not be empty");
            assertInvalid(() -> new Label(0, "pdf", new byte[] {1}), "Label.mediaType must be a media type");
            assertInvalid(() -> new Label(-1, "application/pdf", new byte[] {1}), "Label.parcelIndex must be >= 0");
            byte[] pdf = {37, 80, 68, 70};
            Label label = new Label(0, "application/pdf", pdf);
            pdf[0] = 0;
            assertThat(label.content()[0]).isEqualTo((byte) 37);
            assertThat(label).isEqualTo(new Label(0, "application/pdf", new byte[] {37, 80, 68, 70}));
        }

        @Test
        void shipmentNeedsTrackingNumbersAndLabels() {
            Label label = new Label(0, "application/pdf", new byte[] {1});
            assertInvalid(
                    () -> new Shipment("s", List.of(), List.of(label), null),
                    "Shipment.trackingNumbers must not be empty");
            assertInvalid(() -> new Shipment("s", List.of(" "), List.of(label), null), "Shipment.trackingNumbers[0]");
            assertInvalid(
                    () -> new Shipment("s", List.of("RR123456785CN"), List.of(), null),
                    "Shipment.labels must not be empty");
            assertInvalid(
                    () -> new Shipment("s", List.of("RR123456785CN"), List.of(label), eur(-1)),
                    "Shipment.charge must not be negative");
            assertInvalid(
                    () -> new Shipment("", List.of("RR123456785CN"), List.of(label), null),
                    "Shipment.shipmentReference");
        }
    }

    @Nested
    class Tracking {
        @Test
        void eventsAreKeptOldestFirstAndTheLatestIsWhereTheParcelIs() {
            TrackingEvent picked = new TrackingEvent(NOW, TrackingEventType.PICKED_UP, "Picked up", CN, "Shenzhen");
            TrackingEvent held = new TrackingEvent(
                    NOW.plusSeconds(86_400 * 5),
                    TrackingEventType.CUSTOMS_HELD,
                    "Held by customs: duties due",
                    DE,
                    "Frankfurt");
            TrackingInfo info = new TrackingInfo("RR123456785CN", List.of(held, picked), null);
            assertThat(info.events()).containsExactly(picked, held);
            assertThat(info.latest()).contains(held);
            assertThat(new TrackingInfo("RR123456785CN", List.of(), null).latest())
                    .isEmpty();
        }

        @Test
        void eventsNeedTimeTypeAndDescription() {
            assertInvalid(
                    () -> new TrackingEvent(null, TrackingEventType.IN_TRANSIT, "x", null, null),
                    "TrackingEvent.occurredAt is required");
            assertInvalid(() -> new TrackingEvent(NOW, null, "x", null, null), "TrackingEvent.type is required");
            assertInvalid(
                    () -> new TrackingEvent(NOW, TrackingEventType.IN_TRANSIT, "", null, null),
                    "TrackingEvent.description");
            assertInvalid(
                    () -> new TrackingEvent(NOW, TrackingEventType.IN_TRANSIT, "x", null, " "),
                    "TrackingEvent.location");
            assertInvalid(() -> new TrackingInfo("", List.of(), null), "TrackingInfo.trackingNumber");
            assertInvalid(() -> new TrackingInfo("RR123456785CN", null, null), "TrackingInfo.events is required");
        }
    }
}
