package io.caravan.platform.commerce.application;

import io.caravan.sdk.money.ExchangeRate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dated display rates of the checkout: the shopper sees the total in their currency next to
 * the charge in the store's, with the rate, its date and source. Rates come from a file (the
 * bundled demo table, or {@code caravan.commerce.exchange-rates-file}); an inverse pair is derived
 * (1 / rate to 10 significant digits, half-even) and says so in its source. No rate → no converted
 * figure, and the quote says why: a conversion is never hidden or guessed.
 */
@ApplicationScoped
public class ExchangeRates {
    @Inject
    @ConfigProperty(name = "caravan.commerce.exchange-rates-file")
    Optional<String> ratesFile;

    private final Map<String, ExchangeRate> rates = new HashMap<>();

    @PostConstruct
    void load() {
        try (Reader reader = open()) {
            rates.putAll(parse(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exchange rates", e);
        }
    }

    private Reader open() throws IOException {
        if (ratesFile != null && ratesFile.isPresent() && !ratesFile.get().isBlank()) {
            return Files.newBufferedReader(Path.of(ratesFile.get()), StandardCharsets.UTF_8);
        }
        InputStream in = ExchangeRates.class.getClassLoader().getResourceAsStream("commerce/exchange-rates.csv");
        if (in == null) {
            throw new IOException("commerce/exchange-rates.csv is missing from the build");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** Parses {@code from,to,rate,as_of,source} lines; {@code #} comments and the header skipped. */
    static Map<String, ExchangeRate> parse(Reader reader) throws IOException {
        Map<String, ExchangeRate> parsed = new HashMap<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("from,")) {
                continue;
            }
            String[] f = trimmed.split(",", 5);
            if (f.length != 5) {
                throw new IllegalArgumentException("exchange rates line " + number + ": expected 5 fields");
            }
            ExchangeRate rate = new ExchangeRate(
                    Currency.getInstance(f[0].strip()),
                    Currency.getInstance(f[1].strip()),
                    new BigDecimal(f[2].strip()),
                    LocalDate.parse(f[3].strip()).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    f[4].strip());
            parsed.put(key(rate.from(), rate.to()), rate);
        }
        for (ExchangeRate rate : Map.copyOf(parsed).values()) {
            parsed.putIfAbsent(
                    key(rate.to(), rate.from()),
                    new ExchangeRate(
                            rate.to(),
                            rate.from(),
                            BigDecimal.ONE.divide(rate.rate(), new MathContext(10, RoundingMode.HALF_EVEN)),
                            rate.asOf(),
                            "inverse of " + rate.source()));
        }
        return parsed;
    }

    /** The rate from one currency to another, if there is one. */
    public Optional<ExchangeRate> rate(Currency from, Currency to) {
        return Optional.ofNullable(rates.get(key(from, to)));
    }

    private static String key(Currency from, Currency to) {
        return from.getCurrencyCode() + "/" + to.getCurrencyCode();
    }
}
