package io.caravan.plugins.tax;

import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginRejectedException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/** The store's configuration of this plugin, read for one call (never cached across calls). */
record TaxSettings(
        PluginConfiguration config,
        String originCountry,
        DutyTreatment dutyTreatment,
        boolean oss,
        String iossNumber,
        boolean ukVat,
        String voecNumber,
        boolean chVat,
        boolean auGst,
        boolean nzGst,
        boolean sgGst) {

    static TaxSettings read(PluginConfiguration c) {
        String treatment = c.string("/dutyTreatment").orElse("DAP");
        DutyTreatment dt;
        try {
            dt = DutyTreatment.valueOf(treatment);
        } catch (IllegalArgumentException e) {
            throw new PluginRejectedException("configuration_invalid", "dutyTreatment must be DDP or DAP");
        }
        return new TaxSettings(
                c,
                c.string("/originCountry").orElse(null),
                dt,
                c.bool("/registrations/oss").orElse(false),
                c.string("/registrations/iossNumber").filter(s -> !s.isBlank()).orElse(null),
                c.bool("/registrations/ukVat").orElse(false),
                c.string("/registrations/voecNumber").filter(s -> !s.isBlank()).orElse(null),
                c.bool("/registrations/chVat").orElse(false),
                c.bool("/registrations/auGst").orElse(false),
                c.bool("/registrations/nzGst").orElse(false),
                c.bool("/registrations/sgGst").orElse(false));
    }

    /**
     * Converts an amount to another currency for a threshold comparison, exactly enough to
     * compare (34 significant digits), with the merchant's configured rate {@code fxRates/FROM_TO}
     * (units of TO per one FROM) or its inverse. Refuses when neither is configured.
     */
    BigDecimal convert(BigDecimal amount, String from, String to) {
        if (from.equals(to)) {
            return amount;
        }
        Optional<BigDecimal> direct = rate(from, to);
        if (direct.isPresent()) {
            return amount.multiply(direct.get());
        }
        Optional<BigDecimal> inverse = rate(to, from);
        if (inverse.isPresent()) {
            return amount.divide(inverse.get(), MathContext.DECIMAL128);
        }
        throw new PluginRejectedException(
                "fx_rate_missing",
                "No exchange rate " + from + "→" + to
                        + " in the plugin configuration (fxRates/" + from + "_" + to + " or fxRates/" + to + "_" + from
                        + "); the plugin does not guess rates");
    }

    /** Converts and rounds to {@code scale} decimals, HALF_UP (for amounts charged, e.g. a flat duty). */
    BigDecimal convert(BigDecimal amount, String from, String to, int scale) {
        return convert(amount, from, to).setScale(scale, RoundingMode.HALF_UP);
    }

    /** How the rate for a conversion is described in explanations. */
    String describe(String from, String to) {
        if (from.equals(to)) {
            return "";
        }
        Optional<BigDecimal> direct = rate(from, to);
        if (direct.isPresent()) {
            return " (FX 1 " + from + " = " + direct.get().toPlainString() + " " + to + ", store configuration)";
        }
        return rate(to, from)
                .map(r -> " (FX 1 " + to + " = " + r.toPlainString() + " " + from + ", store configuration)")
                .orElse("");
    }

    private Optional<BigDecimal> rate(String from, String to) {
        Optional<BigDecimal> r = config.decimal("/fxRates/" + from + "_" + to);
        if (r.isPresent() && r.get().signum() <= 0) {
            throw new PluginRejectedException(
                    "configuration_invalid", "fxRates/" + from + "_" + to + " must be positive");
        }
        return r;
    }
}
