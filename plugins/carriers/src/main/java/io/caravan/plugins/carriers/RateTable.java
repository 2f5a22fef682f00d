package io.caravan.plugins.carriers;

import io.caravan.sdk.model.Warehouse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A store's rate card: zones (country lists), and per origin (a warehouse, or every warehouse in
 * some countries) its services with a price grid per zone. Immutable; read from the configuration
 * for each call ({@link RateTables}), or the bundled {@link DefaultRateTable}.
 *
 * @param zones         zone id → the countries (ISO 3166-1 alpha-2) in it
 * @param origins       the origins, first match wins
 * @param exchangeRates the store's dated rates for quoting in another currency than a service's
 * @param quoteValidity how long a quote holds
 */
record RateTable(
        Map<String, Set<String>> zones, List<Origin> origins, List<FxRate> exchangeRates, Duration quoteValidity) {

    RateTable {
        zones = Map.copyOf(zones);
        origins = List.copyOf(origins);
        exchangeRates = List.copyOf(exchangeRates);
    }

    /** The origin that rates a warehouse: by its id first, then by its country. */
    Optional<Origin> originOf(Warehouse warehouse) {
        for (Origin origin : origins) {
            if (origin.warehouseIds().contains(warehouse.warehouseId())) {
                return Optional.of(origin);
            }
        }
        String country = warehouse.address().country().code();
        return origins.stream().filter(o -> o.fromCountries().contains(country)).findFirst();
    }

    /** Whether a zone contains a country. */
    boolean zoneContains(String zone, String country) {
        Set<String> countries = zones.get(zone);
        return countries != null && countries.contains(country);
    }

    /** The configured rate converting {@code from} into {@code to}, directly or as the inverse of the other way. */
    Optional<FxRate> rate(Currency from, Currency to) {
        for (FxRate r : exchangeRates) {
            if (r.from().equals(from) && r.to().equals(to)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Where a table's services leave from.
     *
     * @param name          the origin's name in explanations ("Shenzhen hub")
     * @param warehouseIds  the store's warehouse ids it rates
     * @param fromCountries the countries whose warehouses it rates when no id matches
     * @param services      its services
     */
    record Origin(String name, Set<String> warehouseIds, Set<String> fromCountries, List<Service> services) {
        Origin {
            warehouseIds = Set.copyOf(warehouseIds);
            fromCountries = Set.copyOf(fromCountries);
            services = List.copyOf(services);
        }
    }

    /**
     * One service level from one origin.
     *
     * @param code      the service code quotes carry ({@code "cn-standard"})
     * @param name      the name shown to the shopper
     * @param transport road or air (air refuses dangerous goods)
     * @param tracked   whether tracked end to end
     * @param currency  the currency of its prices and thresholds
     * @param rates     its price grid per zone
     * @param volumetricDivisor the carrier's volumetric divisor in cm³ per kg (5000 for most air
     *                  services): a packed parcel is charged at the greater of its weight and its
     *                  volume ÷ divisor; 0 for by weight only
     * @param maxLengthMm the longest side a parcel may have, or 0 for no limit
     */
    record Service(
            String code,
            String name,
            Transport transport,
            boolean tracked,
            Currency currency,
            List<ZoneRate> rates,
            int volumetricDivisor,
            int maxLengthMm) {
        Service {
            rates = List.copyOf(rates);
        }
    }

    /**
     * A service's prices to one zone.
     *
     * @param zone             the zone id
     * @param minTransitDays   fewest days in transit (handling comes on top)
     * @param maxTransitDays   most days in transit
     * @param maxWeightGrams   the heaviest consignment taken
     * @param bands            price rows, in order; the first that fits weight and value applies
     * @param freeShippingFrom the goods value (after discounts, in the service's currency, minor
     *                         units) from which the service is free, or null for never
     */
    record ZoneRate(
            String zone,
            int minTransitDays,
            int maxTransitDays,
            long maxWeightGrams,
            List<Band> bands,
            Long freeShippingFrom) {
        ZoneRate {
            bands = List.copyOf(bands);
        }
    }

    /**
     * One row of a price grid: a weight band and a goods-value band.
     *
     * @param maxWeightGrams the heaviest consignment of the band (inclusive)
     * @param maxGoodsValue  the largest goods value of the band (inclusive, minor units of the
     *                       service's currency), or null for any value
     * @param price          the price in minor units of the service's currency
     */
    record Band(long maxWeightGrams, Long maxGoodsValue, long price) {}

    /**
     * A store's exchange rate.
     *
     * @param from the currency converted from
     * @param to   the currency converted to
     * @param rate units of {@code to} per one {@code from}
     * @param asOf the day the merchant fixed it
     */
    record FxRate(Currency from, Currency to, BigDecimal rate, LocalDate asOf) {}
}
