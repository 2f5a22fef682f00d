package io.caravan.plugins.carriers;

import io.caravan.plugins.carriers.RateTable.Band;
import io.caravan.plugins.carriers.RateTable.FxRate;
import io.caravan.plugins.carriers.RateTable.Origin;
import io.caravan.plugins.carriers.RateTable.Service;
import io.caravan.plugins.carriers.RateTable.ZoneRate;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginConfigurationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the store's rate card from the plugin configuration (the shape is the descriptor's JSON
 * Schema), for one call: nothing is cached across calls, so a configuration change applies to the
 * next quote. A store without {@code origins} gets the {@link DefaultRateTable}; without
 * {@code zones}, the default zones. The platform validated the configuration against the schema
 * at install; what the schema cannot say (a zone a rate names must exist, bands in order) is
 * checked here and refused with the JSON Pointer of the bad value.
 */
final class RateTables {

    private RateTables() {}

    static RateTable read(PluginConfiguration c) {
        Map<String, Set<String>> zones = c.has("/zones") ? zones(c) : DefaultRateTable.ZONES;
        List<FxRate> rates = exchangeRates(c);
        Duration validity = Duration.ofMinutes(
                c.integer("/quoteValidityMinutes").orElse(DefaultRateTable.QUOTE_VALIDITY.toMinutes()));
        if (validity.isNegative() || validity.isZero() || validity.toDays() > 7) {
            throw new PluginConfigurationException("/quoteValidityMinutes must be between 1 and 10080");
        }
        if (!c.has("/origins")) {
            RateTable defaults = DefaultRateTable.table();
            return new RateTable(zones, defaults.origins(), rates, validity);
        }
        List<Origin> origins = new ArrayList<>();
        List<PluginConfiguration> list = c.objects("/origins");
        for (int i = 0; i < list.size(); i++) {
            origins.add(origin(list.get(i), "/origins/" + i, zones));
        }
        return new RateTable(zones, origins, rates, validity);
    }

    private static Map<String, Set<String>> zones(PluginConfiguration c) {
        Map<String, Set<String>> zones = new LinkedHashMap<>();
        List<PluginConfiguration> list = c.objects("/zones");
        for (int i = 0; i < list.size(); i++) {
            String at = "/zones/" + i;
            String id = text(list.get(i), "/id", at);
            if (zones.put(id, Set.copyOf(list.get(i).strings("/countries"))) != null) {
                throw new PluginConfigurationException(at + "/id \"" + id + "\" names a zone twice");
            }
        }
        return zones;
    }

    private static List<FxRate> exchangeRates(PluginConfiguration c) {
        List<FxRate> rates = new ArrayList<>();
        List<PluginConfiguration> list = c.objects("/exchangeRates");
        for (int i = 0; i < list.size(); i++) {
            String at = "/exchangeRates/" + i;
            PluginConfiguration r = list.get(i);
            BigDecimal rate = r.decimal("/rate").orElseThrow(() -> missing(at + "/rate"));
            if (rate.signum() <= 0) {
                throw new PluginConfigurationException(at + "/rate must be > 0");
            }
            LocalDate asOf;
            try {
                asOf = LocalDate.parse(text(r, "/asOf", at));
            } catch (DateTimeParseException e) {
                throw new PluginConfigurationException(at + "/asOf must be a date like 2026-11-30", e);
            }
            Currency from = currency(r, "/from", at);
            Currency to = currency(r, "/to", at);
            if (from.equals(to)) {
                throw new PluginConfigurationException(at + " converts " + from + " into itself");
            }
            rates.add(new FxRate(from, to, rate, asOf));
        }
        return rates;
    }

    private static Origin origin(PluginConfiguration o, String at, Map<String, Set<String>> zones) {
        Set<String> ids = Set.copyOf(o.strings("/warehouseIds"));
        Set<String> countries = Set.copyOf(o.strings("/fromCountries"));
        if (ids.isEmpty() && countries.isEmpty()) {
            throw new PluginConfigurationException(at + " must name warehouseIds or fromCountries");
        }
        List<Service> services = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        List<PluginConfiguration> list = o.objects("/services");
        for (int i = 0; i < list.size(); i++) {
            Service service = service(list.get(i), at + "/services/" + i, zones);
            if (!codes.add(service.code())) {
                throw new PluginConfigurationException(
                        at + "/services/" + i + "/code \"" + service.code() + "\" is used twice");
            }
            services.add(service);
        }
        return new Origin(text(o, "/name", at), ids, countries, services);
    }

    private static Service service(PluginConfiguration s, String at, Map<String, Set<String>> zones) {
        Transport transport;
        try {
            transport = Transport.valueOf(s.string("/transport").orElse("GROUND"));
        } catch (IllegalArgumentException e) {
            throw new PluginConfigurationException(at + "/transport must be GROUND or AIR", e);
        }
        List<ZoneRate> rates = new ArrayList<>();
        List<PluginConfiguration> list = s.objects("/rates");
        for (int i = 0; i < list.size(); i++) {
            rates.add(zoneRate(list.get(i), at + "/rates/" + i, zones));
        }
        long divisor = s.integer("/volumetricDivisor").orElse(0);
        long maxLength = s.integer("/maxLengthMm").orElse(0);
        if (divisor < 0 || divisor > 100_000 || maxLength < 0 || maxLength > 10_000) {
            throw new PluginConfigurationException(
                    at + " volumetricDivisor must be 0..100000 and maxLengthMm 0..10000");
        }
        return new Service(
                text(s, "/code", at),
                text(s, "/name", at),
                transport,
                s.bool("/tracked").orElse(true),
                currency(s, "/currency", at),
                rates,
                (int) divisor,
                (int) maxLength);
    }

    private static ZoneRate zoneRate(PluginConfiguration r, String at, Map<String, Set<String>> zones) {
        String zone = text(r, "/zone", at);
        if (!zones.containsKey(zone)) {
            throw new PluginConfigurationException(at + "/zone \"" + zone + "\" is not a zone of /zones");
        }
        int min = (int) r.integer("/transitDays/min").orElseThrow(() -> missing(at + "/transitDays/min"));
        int max = (int) r.integer("/transitDays/max").orElseThrow(() -> missing(at + "/transitDays/max"));
        if (min < 0 || max < min) {
            throw new PluginConfigurationException(
                    at + "/transitDays must have 0 <= min <= max, was " + min + "–" + max);
        }
        List<Band> bands = new ArrayList<>();
        List<PluginConfiguration> list = r.objects("/bands");
        long previousWeight = 0;
        for (int i = 0; i < list.size(); i++) {
            String b = at + "/bands/" + i;
            PluginConfiguration band = list.get(i);
            long weight = band.integer("/maxWeightGrams").orElseThrow(() -> missing(b + "/maxWeightGrams"));
            if (weight < previousWeight) {
                throw new PluginConfigurationException(b + "/maxWeightGrams must not be below the band before it");
            }
            previousWeight = weight;
            Long maxValue =
                    band.has("/maxGoodsValue") ? band.integer("/maxGoodsValue").getAsLong() : null;
            long price = band.integer("/price").orElseThrow(() -> missing(b + "/price"));
            if (price < 0) {
                throw new PluginConfigurationException(b + "/price must not be negative");
            }
            bands.add(new Band(weight, maxValue, price));
        }
        if (bands.isEmpty()) {
            throw new PluginConfigurationException(at + "/bands must hold at least one band");
        }
        long maxWeight = r.integer("/maxWeightGrams").orElse(previousWeight);
        Long free = r.has("/freeShippingFrom") ? r.integer("/freeShippingFrom").getAsLong() : null;
        return new ZoneRate(zone, min, max, maxWeight, bands, free);
    }

    private static String text(PluginConfiguration c, String pointer, String at) {
        return c.string(pointer).filter(s -> !s.isBlank()).orElseThrow(() -> missing(at + pointer));
    }

    private static Currency currency(PluginConfiguration c, String pointer, String at) {
        String code = text(c, pointer, at);
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new PluginConfigurationException(at + pointer + " must be an ISO 4217 code, was \"" + code + "\"", e);
        }
    }

    private static PluginConfigurationException missing(String pointer) {
        return new PluginConfigurationException(pointer + " is required");
    }
}
