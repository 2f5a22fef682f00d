package io.caravan.plugins.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.runtime.DryRunResult;
import io.caravan.sdk.carriers.ExclusionReason;
import io.caravan.sdk.carriers.RateQuote;
import io.caravan.sdk.carriers.RateQuoter;
import io.caravan.sdk.carriers.RateRequest;
import io.caravan.sdk.carriers.RateResult;
import io.caravan.sdk.model.AppliedDiscount;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.LineFlag;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.WarehouseKind;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.Extension;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.FailurePolicy;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.plugin.PluginKind;
import io.caravan.testkit.CommerceFixtures;
import io.caravan.testkit.PluginTestKit;
import io.caravan.testkit.TestPluginContext;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The built bundle ({@code target/caravan-plugin-carriers-<version>.jar}) loaded into Felix through
 * the test kit the way the platform loads it, and quoted through: manifest, imports, descriptor
 * (its JSON Schema included) and class loader are the ones a store gets.
 */
class CarriersBundleIT {

    private static PluginTestKit kit;

    static Path bundleJar() {
        String path = System.getProperty("caravan.plugin.bundle");
        assertThat(path)
                .as("system property caravan.plugin.bundle (set by the pom)")
                .isNotBlank();
        return Path.of(path);
    }

    @BeforeAll
    static void load() {
        kit = PluginTestKit.load(bundleJar());
    }

    @AfterAll
    static void close() {
        kit.close();
    }

    /** 2 × a EUR 30.00 power bank (hazardous) with EUR 6.00 off, to Germany. */
    static Cart powerBanks() {
        return Cart.builder()
                .currency("EUR")
                .line(LineItem.builder()
                        .lineId("1")
                        .sku("PWR-10K")
                        .title("Power bank 10,000 mAh")
                        .quantity(2)
                        .unitPrice(Money.ofMinor(3000, "EUR"))
                        .discount(Money.ofMinor(600, "EUR"))
                        .weightGrams(250)
                        .origin(CountryCode.of("CN"))
                        .flags(LineFlag.HAZARDOUS)
                        .build())
                .discount(new AppliedDiscount("TEN", "10 % off", "store", Money.ofMinor(600, "EUR")))
                .shipTo(CountryCode.of("DE"), "Berlin")
                .orderDate(LocalDate.parse("2026-11-23"))
                .build();
    }

    @Test
    void descriptorIsTheBundlesOwn() {
        PluginDescriptor d = kit.descriptor();
        assertThat(d.id()).isEqualTo("caravan-carriers");
        assertThat(d.kinds()).containsExactly(PluginKind.CARRIERS);
        assertThat(d.extensions())
                .extracting(Extension::point, Extension::failurePolicy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ExtensionPoint.CARRIER_RATES, FailurePolicy.FAIL_OPEN),
                        org.assertj.core.groups.Tuple.tuple(
                                ExtensionPoint.CARRIER_SHIPMENTS, FailurePolicy.FAIL_CLOSED),
                        org.assertj.core.groups.Tuple.tuple(
                                ExtensionPoint.CARRIER_RETURN_SHIPMENTS, FailurePolicy.FAIL_CLOSED),
                        org.assertj.core.groups.Tuple.tuple(
                                ExtensionPoint.CARRIER_CANCELLATIONS, FailurePolicy.FAIL_CLOSED),
                        org.assertj.core.groups.Tuple.tuple(ExtensionPoint.CARRIER_TRACKING, FailurePolicy.FAIL_OPEN),
                        org.assertj.core.groups.Tuple.tuple(
                                ExtensionPoint.CARRIER_NOTIFICATIONS, FailurePolicy.FAIL_CLOSED));
        assertThat(d.configurationSchema()).contains("\"origins\"").contains("\"freeShippingFrom\"");
        assertThat(d.secretFields()).containsExactlyInAnyOrder("/carrier/apiKey", "/carrier/webhookSecret");
        assertThat(d.permissions().egressHosts())
                .as("the local sandbox carrier; a node reaches it only when it allows localhost")
                .containsExactly("localhost");
        assertThat(d.permissions().data()).containsExactly(io.caravan.sdk.plugin.DataScope.ADDRESS_LINES);
        assertThat(kit.bundle().getState()).isEqualTo(Bundle.ACTIVE);
    }

    @Test
    void from_inside_the_framework_a_booking_reaches_the_sandbox_carrier_and_its_label_comes_back() {
        io.caravan.stack.carrier.SandboxCarrier carrier = io.caravan.stack.carrier.SandboxCarrier.start(0);
        try {
            java.util.Map<String, Object> account = carrier.createAccount(null);
            io.caravan.sdk.carriers.ShipmentBooker booker = kit.extension(io.caravan.sdk.carriers.ShipmentBooker.class);
            assertThat(booker.getClass().getClassLoader())
                    .isSameAs(kit.bundle().adapt(BundleWiring.class).getClassLoader());
            io.caravan.sdk.model.Order order =
                    CommerceFixtures.order("ORD-IT-1", powerBanks(), java.time.Instant.parse("2026-12-04T10:00:00Z"));
            io.caravan.sdk.carriers.Shipment shipment = booker.book(
                    io.caravan.testkit.TestPluginContext.builder()
                            .configuration("{\"carrier\":{\"baseUrl\":\"http://localhost:" + carrier.port()
                                    + "\",\"apiKey\":\"" + account.get("api_key") + "\"}}")
                            .allowHosts("localhost")
                            .egress(io.caravan.testkit.RealEgress::send)
                            .clock(java.time.Clock.systemUTC())
                            .timeout(java.time.Duration.ofSeconds(20))
                            .build(),
                    CommerceFixtures.shipmentRequest(
                            "shp-it-1",
                            order,
                            CommerceFixtures.warehouse("rotterdam", "NL", WarehouseKind.OVERSEAS, 1),
                            "eu-standard"));
            assertThat(io.caravan.stack.carrier.S10.isValid(shipment.trackingNumber()))
                    .isTrue();
            assertThat(shipment.documents(io.caravan.sdk.carriers.DocumentKind.LABEL))
                    .hasSize(1);
        } finally {
            carrier.close();
        }
    }

    @Test
    void theQuoterComesFromTheBundle() throws ClassNotFoundException {
        RateQuoter quoter = kit.extension(RateQuoter.class);
        assertThat(quoter.getClass().getClassLoader())
                .isSameAs(kit.bundle().adapt(BundleWiring.class).getClassLoader());
        assertThat(kit.bundle().loadClass(RateQuoter.class.getName())).isSameAs(RateQuoter.class);
    }

    @Test
    void aHazardousConsignmentFromTheAsiaHubGoesByRailOnly() {
        RateRequest request = CommerceFixtures.rateRequest(
                powerBanks(),
                CommerceFixtures.warehouse("shenzhen-hub", "CN", WarehouseKind.ORIGIN_HUB, 1),
                DutyTreatment.DAP);
        RateResult result = kit.extension(RateQuoter.class).quote(TestPluginContext.withConfiguration("{}"), request);
        assertThat(result.quotes()).singleElement().satisfies(q -> {
            assertThat(q.serviceCode()).isEqualTo("cn-economy");
            assertThat(q.price()).isEqualTo(Money.ofMinor(690, "EUR"));
            assertThat(q.estimate().minDays()).isEqualTo(13);
            assertThat(q.estimate().maxDays()).isEqualTo(19);
        });
        assertThat(result.exclusions())
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.reason()).isEqualTo(ExclusionReason.GOODS_NOT_ACCEPTED));
    }

    @Test
    void fromTheEuWarehouseItArrivesInTwoToThreeDaysWithoutCustoms() {
        RateRequest request = CommerceFixtures.rateRequest(
                powerBanks(),
                CommerceFixtures.warehouse("rotterdam", "NL", WarehouseKind.OVERSEAS, 0),
                DutyTreatment.DAP);
        RateResult result = kit.extension(RateQuoter.class).quote(TestPluginContext.withConfiguration("{}"), request);
        RateQuote standard = result.quotes().get(0);
        assertThat(standard.serviceCode()).isEqualTo("eu-standard");
        assertThat(standard.estimate().minDays()).isEqualTo(2);
        assertThat(standard.estimate().maxDays()).isEqualTo(3);
        assertThat(standard.explanation()).contains("no customs");
        assertThat(standard.price())
                .as("EUR 54.00 after discount is above the EUR 50.00 threshold")
                .isEqualTo(Money.ofMinor(0, "EUR"));
    }

    @Test
    void theBundlePassesThePlatformsUploadDryRun() {
        DryRunResult result = PluginTestKit.dryRun(bundleJar());
        assertThat(result.passed()).as(String.valueOf(result)).isTrue();
    }
}
