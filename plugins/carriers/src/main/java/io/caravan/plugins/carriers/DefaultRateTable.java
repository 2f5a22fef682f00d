package io.caravan.plugins.carriers;

import io.caravan.plugins.carriers.RateTable.Band;
import io.caravan.plugins.carriers.RateTable.Origin;
import io.caravan.plugins.carriers.RateTable.Service;
import io.caravan.plugins.carriers.RateTable.ZoneRate;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rate card a store gets until it configures its own: a demo of the three ways a cross-border
 * store ships. Prices are illustrative list prices, not a carrier's tariff.
 *
 * <ul>
 *   <li><b>Shenzhen hub</b> (warehouses in CN): economy by rail to the EU and UK (12–18 days, takes
 *       dangerous goods), standard air 5–7 days to Europe, North America and Asia-Pacific (free in
 *       the EU from EUR 60.00), express air 3–5 days; air refuses HAZARDOUS lines.</li>
 *   <li><b>Rotterdam EU warehouse</b> (warehouses in NL): standard 2–3 days and express 1–2 days by
 *       road to the EU (no customs; standard free from EUR 50.00), standard to the UK 3–5 days.</li>
 *   <li><b>US warehouse</b> (warehouses in US), in USD: ground 3–5 days (free from USD 75.00), 2-day
 *       air, standard to Canada 5–8 days.</li>
 * </ul>
 *
 * <p>Air and express services charge packed parcels by volumetric weight (5000 cm³/kg); every
 * service has a longest-side limit (1.2 m by air from the hub, 1.75 m by road in the EU, 2.7 m by
 * US ground).
 */
final class DefaultRateTable {

    /** The EU-27, a customs union: no customs between them. */
    static final Set<String> EU = Set.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    static final Map<String, Set<String>> ZONES = Map.of(
            "eu", EU,
            "uk", Set.of("GB"),
            "europe-other", Set.of("CH", "NO", "IS", "LI"),
            "north-america", Set.of("US", "CA"),
            "us", Set.of("US"),
            "ca", Set.of("CA"),
            "asia-pacific", Set.of("AU", "NZ", "SG", "JP", "KR", "HK", "TW", "MY", "TH", "PH", "ID", "VN"));

    static final Duration QUOTE_VALIDITY = Duration.ofMinutes(30);

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");

    private DefaultRateTable() {}

    static RateTable table() {
        return new RateTable(ZONES, List.of(shenzhen(), rotterdam(), usWarehouse()), List.of(), QUOTE_VALIDITY);
    }

    private static Origin shenzhen() {
        // Standard air: the insured band above EUR 150.00 of goods costs more.
        List<Band> standard = List.of(
                new Band(500, 15_000L, 590),
                new Band(500, null, 790),
                new Band(2_000, 15_000L, 990),
                new Band(2_000, null, 1_190),
                new Band(10_000, 15_000L, 1_990),
                new Band(10_000, null, 2_290));
        List<Band> express =
                List.of(new Band(1_000, null, 1_990), new Band(5_000, null, 3_490), new Band(20_000, null, 5_990));
        List<Band> economy =
                List.of(new Band(1_000, null, 690), new Band(5_000, null, 1_290), new Band(30_000, null, 2_490));
        return new Origin(
                "Shenzhen hub",
                Set.of(),
                Set.of("CN"),
                List.of(
                        new Service(
                                "cn-economy",
                                "Economy by rail, tracked",
                                Transport.GROUND,
                                true,
                                EUR,
                                List.of(
                                        new ZoneRate("eu", 12, 18, 30_000, economy, null),
                                        new ZoneRate("uk", 14, 20, 30_000, economy, null)),
                                0,
                                1500),
                        new Service(
                                "cn-standard",
                                "Standard air, tracked",
                                Transport.AIR,
                                true,
                                EUR,
                                List.of(
                                        new ZoneRate("eu", 5, 7, 10_000, standard, 6_000L),
                                        new ZoneRate("uk", 5, 7, 10_000, standard, null),
                                        new ZoneRate("europe-other", 6, 8, 10_000, standard, null),
                                        new ZoneRate("north-america", 6, 9, 10_000, standard, null),
                                        new ZoneRate("asia-pacific", 4, 6, 10_000, standard, null)),
                                5000,
                                1200),
                        new Service(
                                "cn-express",
                                "Express air",
                                Transport.AIR,
                                true,
                                EUR,
                                List.of(
                                        new ZoneRate("eu", 3, 5, 20_000, express, null),
                                        new ZoneRate("uk", 3, 5, 20_000, express, null),
                                        new ZoneRate("north-america", 3, 5, 20_000, express, null),
                                        new ZoneRate("asia-pacific", 2, 4, 20_000, express, null)),
                                5000,
                                1200)));
    }

    private static Origin rotterdam() {
        List<Band> standard =
                List.of(new Band(2_000, null, 495), new Band(10_000, null, 695), new Band(31_500, null, 1_295));
        List<Band> express =
                List.of(new Band(2_000, null, 995), new Band(10_000, null, 1_495), new Band(31_500, null, 2_495));
        List<Band> uk =
                List.of(new Band(2_000, null, 895), new Band(10_000, null, 1_395), new Band(31_500, null, 2_195));
        return new Origin(
                "Rotterdam EU warehouse",
                Set.of(),
                Set.of("NL"),
                List.of(
                        new Service(
                                "eu-standard",
                                "Standard, tracked",
                                Transport.GROUND,
                                true,
                                EUR,
                                List.of(new ZoneRate("eu", 2, 3, 31_500, standard, 5_000L)),
                                0,
                                1750),
                        new Service(
                                "eu-express",
                                "Express, next day",
                                Transport.GROUND,
                                true,
                                EUR,
                                List.of(new ZoneRate("eu", 1, 2, 31_500, express, null)),
                                5000,
                                1750),
                        new Service(
                                "eu-uk-standard",
                                "Standard to the UK, tracked",
                                Transport.GROUND,
                                true,
                                EUR,
                                List.of(new ZoneRate("uk", 3, 5, 31_500, uk, null)),
                                0,
                                1750)));
    }

    private static Origin usWarehouse() {
        List<Band> ground =
                List.of(new Band(1_000, null, 599), new Band(5_000, null, 999), new Band(30_000, null, 1_999));
        List<Band> twoDay =
                List.of(new Band(1_000, null, 1_499), new Band(5_000, null, 2_499), new Band(10_000, null, 3_999));
        List<Band> canada = List.of(new Band(5_000, null, 1_999), new Band(20_000, null, 3_999));
        return new Origin(
                "US warehouse",
                Set.of(),
                Set.of("US"),
                List.of(
                        new Service(
                                "us-ground",
                                "Ground",
                                Transport.GROUND,
                                true,
                                USD,
                                List.of(new ZoneRate("us", 3, 5, 30_000, ground, 7_500L)),
                                0,
                                2700),
                        new Service(
                                "us-2day",
                                "2-Day air",
                                Transport.AIR,
                                true,
                                USD,
                                List.of(new ZoneRate("us", 2, 2, 10_000, twoDay, null)),
                                5000,
                                1500),
                        new Service(
                                "us-canada",
                                "Standard to Canada",
                                Transport.GROUND,
                                true,
                                USD,
                                List.of(new ZoneRate("ca", 5, 8, 20_000, canada, null)),
                                0,
                                2700)));
    }
}
