package io.caravan.platform.commerce.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.sdk.money.ExchangeRate;
import io.caravan.sdk.money.Money;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeRatesTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void rates_are_parsed_with_their_date_and_source_and_inverses_say_they_are_inverses() throws Exception {
        Map<String, ExchangeRate> rates = ExchangeRates.parse(
                new StringReader(
                        "# comment\nfrom,to,rate,as_of,source\nEUR,USD,1.0850,2026-11-30,ECB\nEUR,JPY,163.20,2026-11-30,ECB\n"));
        ExchangeRate eurUsd = rates.get("EUR/USD");
        assertThat(eurUsd.rate()).isEqualByComparingTo("1.0850");
        assertThat(eurUsd.asOf()).hasToString("2026-11-30T00:00:00Z");
        ExchangeRate usdEur = rates.get("USD/EUR");
        assertThat(usdEur.rate()).isEqualByComparingTo(new BigDecimal("0.9216589862"));
        assertThat(usdEur.source()).isEqualTo("inverse of ECB");
        // 99.99 EUR at 163.20 = 16318.368 JPY, half-even to whole yen
        assertThat(rates.get("EUR/JPY").convert(new Money(9999, EUR), RoundingMode.HALF_EVEN))
                .isEqualTo(new Money(16318, JPY));
        assertThat(rates).doesNotContainKey("USD/JPY");
    }

    @Test
    void a_malformed_line_is_refused_with_its_number() {
        assertThatThrownBy(() -> ExchangeRates.parse(new StringReader("EUR,USD,1.08\n")))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> ExchangeRates.parse(new StringReader("EUR,EUR,1,2026-11-30,x\n")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExchangeRates.parse(new StringReader("EUR,USD,-1,2026-11-30,x\n")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_bundled_table_loads() throws Exception {
        ExchangeRates rates = new ExchangeRates();
        rates.ratesFile = java.util.Optional.empty();
        rates.load();
        assertThat(rates.rate(EUR, USD)).isPresent();
        assertThat(rates.rate(USD, EUR)).isPresent();
    }
}
