package io.caravan.sdk.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ExchangeRateTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void convertsAndRoundsToTheTargetCurrency() {
        ExchangeRate rate = new ExchangeRate(CNY, EUR, new BigDecimal("0.1271"), AS_OF, "ECB reference rate");
        assertThat(rate.convert(Money.ofMinor(3600, "CNY"), RoundingMode.HALF_UP))
                .isEqualTo(Money.ofMinor(458, "EUR"));
    }

    @Test
    void refusesAmountsInAnotherCurrency() {
        ExchangeRate rate = new ExchangeRate(CNY, EUR, new BigDecimal("0.1271"), AS_OF, "ECB");
        assertThatThrownBy(() -> rate.convert(Money.ofMinor(100, "USD"), RoundingMode.HALF_UP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("with a rate from CNY");
    }

    @Test
    void currenciesDifferRateIsPositiveAndSourceNamed() {
        assertThatThrownBy(() -> new ExchangeRate(EUR, EUR, BigDecimal.ONE, AS_OF, "ECB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ExchangeRate.to must differ");
        assertThatThrownBy(() -> new ExchangeRate(CNY, EUR, BigDecimal.ZERO, AS_OF, "ECB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ExchangeRate.rate must be > 0");
        assertThatThrownBy(() -> new ExchangeRate(CNY, EUR, new BigDecimal("-0.1"), AS_OF, "ECB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ExchangeRate.rate must be > 0");
        assertThatThrownBy(() -> new ExchangeRate(CNY, EUR, BigDecimal.ONE, AS_OF, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ExchangeRate.source");
        assertThatThrownBy(() -> new ExchangeRate(CNY, EUR, BigDecimal.ONE, null, "ECB"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("ExchangeRate.asOf");
    }
}
