package io.caravan.plugins.carriers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.sdk.carriers.Consignment;
import io.caravan.sdk.carriers.ConsignmentLine;
import io.caravan.sdk.carriers.ExclusionReason;
import io.caravan.sdk.carriers.RateExclusion;
import io.caravan.sdk.carriers.RateQuote;
import io.caravan.sdk.carriers.RateRequest;
import io.caravan.sdk.carriers.RateResult;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Dimensions;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.LineFlag;
import io.caravan.sdk.model.Parcel;
import io.caravan.sdk.model.Warehouse;
import io.caravan.sdk.model.WarehouseKind;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.PluginConfigurationException;
import io.caravan.testkit.CommerceFixtures;
import io.caravan.testkit.TestPluginContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TableRateQuoterTest {
    private static final LocalDate ORDER_DAY = LocalDate.parse("2026-11-23");
    private static final Warehouse SHENZHEN =
            CommerceFixtures.warehouse("shenzhen-hub", "CN", WarehouseKind.ORIGIN_HUB, 1);
    private static final Warehouse ROTTERDAM = CommerceFixtures.warehouse("rotterdam", "NL", WarehouseKind.OVERSEAS, 1);
    private static final Warehouse NEW_JERSEY = CommerceFixtures.warehouse("us-east", "US", WarehouseKind.OVERSEAS, 2);

    private final TableRateQuoter quoter = new TableRateQuoter();

    private static Money eur(long minor) {
        return Money.ofMinor(minor, "EUR");
    }

    private static ConsignmentLine line(String id, long grams, Money value, LineFlag... flags) {
        return new ConsignmentLine(id, "sku-" + id, 1, grams, value, Set.of(flags));
    }

    private static RateRequest request(String destination, String currency, Consignment... consignments) {
        return new RateRequest(
                List.of(consignments),
                new Address(CountryCode.of(destination), null, null, "City", List.of(), null),
                Currency.getInstance(currency),
                ORDER_DAY,
                DutyTreatment.DAP);
    }

    private RateResult quote(String configuration, RateRequest request) {
        return quoter.quote(TestPluginContext.withConfiguration(configuration), request);
    }

    private static RateQuote service(RateResult result, String code) {
        return result.quotes().stream()
                .filter(q -> q.serviceCode().equals(code))
                .findFirst()
                .orElseThrow();
    }

    @Nested
    class DefaultCard {
        @Test
        void the_asia_hub_takes_five_to_seven_days_plus_handling_and_crosses_customs() {
            RateResult result = quote(
                    "{}", request("DE", "EUR", Consignment.of("c1", SHENZHEN, List.of(line("a", 400, eur(3500))))));
            RateQuote standard = service(result, "cn-standard");
            assertThat(standard.price()).isEqualTo(eur(590));
            assertThat(standard.estimate().handlingDays()).isEqualTo(1);
            assertThat(standard.estimate().minDays()).isEqualTo(6);
            assertThat(standard.estimate().maxDays()).isEqualTo(8);
            assertThat(standard.estimate().earliest()).isEqualTo(ORDER_DAY.plusDays(6));
            assertThat(standard.estimate().latest()).isEqualTo(ORDER_DAY.plusDays(8));
            assertThat(standard.explanation())
                    .isEqualTo("From the Shenzhen hub (CN): crosses customs into DE, import charges due on delivery;"
                            + " 1 handling day + 5–7 days in transit");
            assertThat(result.quotes())
                    .extracting(RateQuote::serviceCode)
                    .containsExactly("cn-economy", "cn-standard", "cn-express");
            assertThat(result.exclusions()).isEmpty();
        }

        @Test
        void the_eu_warehouse_ships_in_two_to_three_days_without_customs() {
            RateResult result = quote(
                    "{}", request("FR", "EUR", Consignment.of("c1", ROTTERDAM, List.of(line("a", 2500, eur(3000))))));
            RateQuote standard = service(result, "eu-standard");
            assertThat(standard.price()).as("2.5 kg is in the 10 kg band").isEqualTo(eur(695));
            assertThat(standard.estimate().minDays()).isEqualTo(3);
            assertThat(standard.estimate().maxDays()).isEqualTo(4);
            assertThat(standard.explanation())
                    .startsWith("From the Rotterdam EU warehouse (NL): no customs (within the EU)");
            assertThat(standard.tracked()).isTrue();
            assertThat(standard.carrierPrice()).isNull();
            assertThat(standard.conversion()).isNull();
        }

        @Test
        void free_shipping_from_the_zone_threshold_on_the_value_after_discounts() {
            RateResult below = quote(
                    "{}", request("FR", "EUR", Consignment.of("c1", ROTTERDAM, List.of(line("a", 500, eur(4999))))));
            RateResult at = quote(
                    "{}", request("FR", "EUR", Consignment.of("c1", ROTTERDAM, List.of(line("a", 500, eur(5000))))));
            assertThat(service(below, "eu-standard").price()).isEqualTo(eur(495));
            assertThat(service(at, "eu-standard").price()).isEqualTo(eur(0));
            assertThat(service(at, "eu-standard").explanation()).contains("free from EUR 50.00");
            assertThat(service(at, "eu-express").price())
                    .as("express has no threshold")
                    .isEqualTo(eur(995));
        }

        @Test
        void goods_value_bands_price_an_insured_parcel_higher() {
            RateResult cheap = quote(
                    "{}", request("GB", "EUR", Consignment.of("c1", SHENZHEN, List.of(line("a", 400, eur(15000))))));
            RateResult dear = quote(
                    "{}", request("GB", "EUR", Consignment.of("c1", SHENZHEN, List.of(line("a", 400, eur(15001))))));
            assertThat(service(cheap, "cn-standard").price())
                    .as("EUR 150.00 is still the first band (the UK has no free-shipping threshold)")
                    .isEqualTo(eur(590));
            assertThat(service(dear, "cn-standard").price()).isEqualTo(eur(790));
        }

        @Test
        void a_country_without_service_is_an_exclusion_not_silence() {
            RateResult result = quote(
                    "{}", request("BR", "EUR", Consignment.of("c1", ROTTERDAM, List.of(line("a", 500, eur(1000))))));
            assertThat(result.quotes()).isEmpty();
            assertThat(result.exclusions())
                    .containsExactly(new RateExclusion(
                            "c1",
                            null,
                            ExclusionReason.NO_SERVICE_TO_DESTINATION,
                            "No service from the Rotterdam EU warehouse to BR"));
        }

        @Test
        void over_a_services_weight_limit_only_that_service_is_excluded() {
            RateResult result = quote(
                    "{}", request("DE", "EUR", Consignment.of("c1", SHENZHEN, List.of(line("a", 12_000, eur(5000))))));
            assertThat(result.quotes()).extracting(RateQuote::serviceCode).containsExactly("cn-economy", "cn-express");
            assertThat(result.exclusions()).singleElement().satisfies(e -> {
                assertThat(e.serviceCode()).isEqualTo("cn-standard");
                assertThat(e.reason()).isEqualTo(ExclusionReason.OVER_WEIGHT_LIMIT);
                assertThat(e.message())
                        .isEqualTo("Standard air, tracked takes at most 10 kg; this consignment weighs 12 kg");
            });
        }

        @Test
        void hazardous_goods_are_refused_by_air_and_go_by_rail() {
            RateResult result = quote(
                    "{}",
                    request(
                            "DE",
                            "EUR",
                            Consignment.of(
                                    "c1",
                                    SHENZHEN,
                                    List.of(
                                            line("a", 300, eur(2000)),
                                            line("b", 200, eur(1500), LineFlag.HAZARDOUS)))));
            assertThat(result.quotes()).extracting(RateQuote::serviceCode).containsExactly("cn-economy");
            assertThat(result.exclusions())
                    .extracting(RateExclusion::serviceCode)
                    .containsExactly("cn-standard", "cn-express");
            assertThat(result.exclusions()).allSatisfy(e -> {
                assertThat(e.reason()).isEqualTo(ExclusionReason.GOODS_NOT_ACCEPTED);
                assertThat(e.message()).contains("does not carry dangerous goods (lines b)");
            });
        }

        @Test
        void a_cart_split_across_warehouses_is_quoted_consignment_by_consignment() {
            RateResult result = quote(
                    "{}",
                    request(
                            "DE",
                            "EUR",
                            Consignment.of("from-hub", SHENZHEN, List.of(line("a", 400, eur(2000)))),
                            Consignment.of("from-eu", ROTTERDAM, List.of(line("b", 800, eur(3000))))));
            assertThat(result.quotes())
                    .filteredOn(q -> q.consignmentId().equals("from-hub"))
                    .extracting(RateQuote::serviceCode)
                    .containsExactly("cn-economy", "cn-standard", "cn-express");
            assertThat(result.quotes())
                    .filteredOn(q -> q.consignmentId().equals("from-eu"))
                    .extracting(RateQuote::serviceCode)
                    .containsExactly("eu-standard", "eu-express");
            assertThat(result.quotes()).extracting(RateQuote::quoteId).doesNotHaveDuplicates();
        }

        @Test
        void a_warehouse_the_card_does_not_know_is_excluded_with_its_reason() {
            Warehouse lisbon = CommerceFixtures.warehouse("lisbon", "PT", WarehouseKind.LOCAL, 0);
            RateResult result =
                    quote("{}", request("ES", "EUR", Consignment.of("c1", lisbon, List.of(line("a", 400, eur(2000))))));
            assertThat(result.exclusions()).singleElement().satisfies(e -> {
                assertThat(e.reason()).isEqualTo(ExclusionReason.NO_SERVICE_TO_DESTINATION);
                assertThat(e.message()).isEqualTo("No rates from warehouse lisbon (PT)");
            });
        }

        @Test
        void quotes_expire_after_the_validity_and_keep_their_ids_for_the_same_request() {
            RateRequest request =
                    request("FR", "EUR", Consignment.of("c1", ROTTERDAM, List.of(line("a", 500, eur(1000)))));
            RateResult first = quote("{}", request);
            RateResult again = quote("{}", request);
            assertThat(again.quotes())
                    .extracting(RateQuote::quoteId)
                    .containsExactlyElementsOf(
                            first.quotes().stream().map(RateQuote::quoteId).toList());
            assertThat(first.quotes())
                    .allSatisfy(q -> assertThat(q.expiresAt())
                            .isEqualTo(TestPluginContext.DEFAULT_NOW.plus(Duration.ofMinutes(30))));
            RateResult shortLived = quote("{\"quoteValidityMinutes\": 5}", request);
            assertThat(shortLived.quotes().get(0).expiresAt())
                    .isEqualTo(TestPluginContext.DEFAULT_NOW.plus(Duration.ofMinutes(5)));
        }

        @Test
        void packed_parcels_are_charged_by_volume_by_air_and_refused_when_too_long() {
            // 400 × 300 × 200 mm = 24,000 cm³ → 4.8 kg volumetric at 5000 cm³/kg, though it weighs 1 kg
            Parcel bulky = new Parcel(1_000, new Dimensions(400, 300, 200), eur(3000), List.of("a"));
            Consignment packed =
                    new Consignment("c1", SHENZHEN, List.of(line("a", 900, eur(3000))), List.of(bulky), eur(3000));
            RateResult result = quote("{}", request("GB", "EUR", packed));
            assertThat(service(result, "cn-standard").price())
                    .as("charged as 4.8 kg: the 10 kg band")
                    .isEqualTo(eur(1990));
            assertThat(service(result, "cn-standard").explanation())
                    .endsWith("; charged by volume: 4.8 kg (weighs 1 kg)");
            assertThat(service(result, "cn-economy").price())
                    .as("rail charges the weight")
                    .isEqualTo(eur(690));

            Parcel pole = new Parcel(2_000, new Dimensions(1_300, 100, 100), eur(3000), List.of("a"));
            RateResult tooLong = quote(
                    "{}",
                    request(
                            "GB",
                            "EUR",
                            new Consignment(
                                    "c1", SHENZHEN, List.of(line("a", 1900, eur(3000))), List.of(pole), eur(3000))));
            assertThat(tooLong.exclusions())
                    .filteredOn(e -> e.reason() == ExclusionReason.OVER_SIZE_LIMIT)
                    .extracting(RateExclusion::serviceCode)
                    .containsExactly("cn-standard", "cn-express");
            assertThat(tooLong.exclusions().get(0).message())
                    .isEqualTo(
                            "Standard air, tracked takes parcels up to 120 cm on the longest side; parcel 1 is 130 cm");
            assertThat(tooLong.quotes()).extracting(RateQuote::serviceCode).containsExactly("cn-economy");
        }

        @Test
        void a_usd_service_quoted_in_eur_needs_the_stores_rate_and_shows_it() {
            RateRequest request =
                    request("US", "EUR", Consignment.of("c1", NEW_JERSEY, List.of(line("a", 800, eur(2000)))));
            RateResult noRate = quote("{}", request);
            assertThat(noRate.quotes()).isEmpty();
            assertThat(noRate.exclusions()).extracting(RateExclusion::reason).containsOnly(ExclusionReason.OTHER);
            assertThat(noRate.exclusions().get(0).message())
                    .isEqualTo("No exchange rate between USD and EUR is configured for Ground");

            RateResult withRate = quote(
                    "{\"exchangeRates\": [{\"from\": \"EUR\", \"to\": \"USD\", \"rate\": 1.25, \"asOf\": \"2026-11-20\"}]}",
                    request);
            RateQuote ground = service(withRate, "us-ground");
            assertThat(ground.carrierPrice()).isEqualTo(Money.ofMinor(599, "USD"));
            assertThat(ground.conversion().rate()).isEqualByComparingTo("0.8");
            assertThat(ground.price()).as("USD 5.99 × 0.8 = EUR 4.792, HALF_UP").isEqualTo(eur(479));
            assertThat(ground.estimate().handlingDays()).isEqualTo(2);
            assertThat(ground.explanation())
                    .contains("domestic, no customs")
                    .contains("USD 5.99 at 0.8 EUR/USD (store rate of 2026-11-20)");
        }
    }

    @Nested
    class StoreCard {
        private static final String CARD = """
                {
                  "zones": [{"id": "dach", "countries": ["DE", "AT", "CH"]}],
                  "origins": [{
                    "name": "Leipzig hub",
                    "warehouseIds": ["leipzig"],
                    "services": [{
                      "code": "dach-parcel", "name": "DACH parcel", "transport": "GROUND", "currency": "EUR",
                      "rates": [{
                        "zone": "dach", "transitDays": {"min": 1, "max": 2}, "maxWeightGrams": 20000,
                        "freeShippingFrom": 10000,
                        "bands": [
                          {"maxWeightGrams": 1000, "price": 390},
                          {"maxWeightGrams": 20000, "maxGoodsValue": 50000, "price": 790}
                        ]
                      }]
                    }]
                  }]
                }""";

        private final Warehouse leipzig = CommerceFixtures.warehouse("leipzig", "DE", WarehouseKind.LOCAL, 0);

        @Test
        void the_stores_zones_bands_and_threshold_apply() {
            RateResult light = quote(
                    CARD, request("AT", "EUR", Consignment.of("c1", leipzig, List.of(line("a", 900, eur(2000))))));
            assertThat(light.quotes()).singleElement().satisfies(q -> {
                assertThat(q.price()).isEqualTo(eur(390));
                assertThat(q.estimate().minDays()).isEqualTo(1);
                assertThat(q.serviceName()).isEqualTo("DACH parcel");
            });
            RateResult free = quote(
                    CARD, request("AT", "EUR", Consignment.of("c1", leipzig, List.of(line("a", 5000, eur(10000))))));
            assertThat(free.quotes().get(0).price()).isEqualTo(eur(0));
        }

        @Test
        void above_every_value_band_is_an_over_value_exclusion() {
            RateResult result = quote(
                    CARD, request("DE", "EUR", Consignment.of("c1", leipzig, List.of(line("a", 5000, eur(50001))))));
            assertThat(result.quotes()).isEmpty();
            assertThat(result.exclusions())
                    .singleElement()
                    .extracting(RateExclusion::reason)
                    .isEqualTo(ExclusionReason.OVER_VALUE_LIMIT);
        }

        @Test
        void an_origin_by_id_does_not_rate_other_warehouses_of_its_country() {
            Warehouse berlin = CommerceFixtures.warehouse("berlin", "DE", WarehouseKind.LOCAL, 0);
            RateResult result =
                    quote(CARD, request("DE", "EUR", Consignment.of("c1", berlin, List.of(line("a", 500, eur(1000))))));
            assertThat(result.exclusions())
                    .singleElement()
                    .extracting(RateExclusion::message)
                    .isEqualTo("No rates from warehouse berlin (DE)");
        }

        @Test
        void a_rate_naming_an_unknown_zone_is_a_configuration_error_with_its_pointer() {
            String bad = CARD.replace("\"zone\": \"dach\"", "\"zone\": \"nordics\"");
            assertThatThrownBy(() -> quote(
                            bad,
                            request("DE", "EUR", Consignment.of("c1", leipzig, List.of(line("a", 500, eur(1000)))))))
                    .isInstanceOf(PluginConfigurationException.class)
                    .hasMessage("/origins/0/services/0/rates/0/zone \"nordics\" is not a zone of /zones");
        }
    }
}
