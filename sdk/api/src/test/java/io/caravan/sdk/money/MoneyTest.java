package io.caravan.sdk.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");

    @Test
    void minorUnitsFollowTheCurrency() {
        assertThat(Money.of(new BigDecimal("19.99"), EUR, RoundingMode.UNNECESSARY)
                        .minorUnits())
                .isEqualTo(1999);
        assertThat(Money.of(new BigDecimal("1500"), JPY, RoundingMode.UNNECESSARY)
                        .minorUnits())
                .isEqualTo(1500);
        assertThat(Money.of(new BigDecimal("1.234"), KWD, RoundingMode.UNNECESSARY)
                        .minorUnits())
                .isEqualTo(1234);
    }

    @Test
    void roundingIsExplicit() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("0.005"), EUR, RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class);
        assertThat(Money.of(new BigDecimal("0.005"), EUR, RoundingMode.HALF_EVEN)
                        .minorUnits())
                .isZero();
        assertThat(Money.of(new BigDecimal("0.005"), EUR, RoundingMode.HALF_UP).minorUnits())
                .isEqualTo(1);
    }

    @Test
    void vatOnAPriceRoundsHalfUpToTheCent() {
        Money net = Money.ofMinor(1999, "EUR");
        assertThat(net.multiply(new BigDecimal("0.23"), RoundingMode.HALF_UP)).isEqualTo(Money.ofMinor(460, "EUR"));
    }

    @Test
    void currenciesDoNotMix() {
        assertThatThrownBy(() -> Money.ofMinor(100, "EUR").plus(Money.ofMinor(100, "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EUR")
                .hasMessageContaining("USD");
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Money.ofMinor(Long.MAX_VALUE, "EUR").plus(Money.ofMinor(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void printsIsoForm() {
        assertThat(Money.ofMinor(-250, "EUR")).hasToString("EUR -2.50");
        assertThat(Money.ofMinor(1500, "JPY")).hasToString("JPY 1500");
    }
}
