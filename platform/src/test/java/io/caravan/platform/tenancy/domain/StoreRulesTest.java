package io.caravan.platform.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreRulesTest {
    @ParameterizedTest
    @ValueSource(strings = {"ab", "-shop", "shop-", "Shop", "my--shop", "shop_1", "a.b"})
    void slugsThatCannotBeDnsLabelsAreRefused(String slug) {
        assertThatThrownBy(() -> new StoreSlug(slug))
                .isInstanceOf(InvalidStoreException.class)
                .hasMessageContaining("slug");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "lisbon-ceramics", "shop-24", "a1b"})
    void validSlugs(String slug) {
        assertThat(new StoreSlug(slug).value()).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "api", "www", "checkout", "stores"})
    void aNewStoreCannotTakeAReservedSlug(String slug) {
        assertThatThrownBy(() -> StoreSlug.forNewStore(slug))
                .isInstanceOf(InvalidStoreException.class)
                .hasMessageContaining("reserved");
        assertThat(StoreSlug.RESERVED).contains(slug);
        assertThat(new StoreSlug(slug).value())
                .as("an existing store is still looked up")
                .isEqualTo(slug);
    }

    @Test
    void aSlugWithATrailingNewlineIsRefused() {
        assertThatThrownBy(() -> new StoreSlug("shop\n")).isInstanceOf(InvalidStoreException.class);
        assertThat(StoreSlug.problemForNewStore("lisbon-ceramics")).isEmpty();
    }

    @Test
    void countriesAreIsoCodesKeptSortedAndUnique() {
        StoreSettings settings = new StoreSettings(
                " Shop ", StoreSettings.currency("EUR"), List.of("FR", "DE", "FR"), PriceDisplay.INCLUDING_TAX);
        assertThat(settings.sellingCountries()).containsExactly("DE", "FR");
        assertThat(settings.name()).isEqualTo("Shop");
        assertThatThrownBy(() -> new StoreSettings(
                        "Shop", StoreSettings.currency("EUR"), List.of("UK"), PriceDisplay.INCLUDING_TAX))
                .hasMessageContaining("'UK' is not an ISO 3166-1 alpha-2");
    }

    @Test
    void currencyMustBeARealIso4217Code() {
        assertThat(StoreSettings.currency("JPY").getDefaultFractionDigits()).isZero();
        assertThatThrownBy(() -> StoreSettings.currency("EURO")).isInstanceOf(InvalidStoreException.class);
        assertThatThrownBy(() -> StoreSettings.currency("ABC")).hasMessageContaining("not an ISO 4217");
        assertThatThrownBy(() -> StoreSettings.currency("XXX")).hasMessageContaining("not a spendable");
    }

    @Test
    void suspendingTwiceOrReactivatingAnActiveStoreIsAConflict() {
        Store store = Store.onboard(
                new StoreSlug("shop"),
                new StoreSettings("Shop", StoreSettings.currency("EUR"), List.of("DE"), PriceDisplay.INCLUDING_TAX),
                new StoreOwner("u1", "o@x.test", "O", "W"),
                "org1",
                Instant.EPOCH);
        assertThatThrownBy(() -> store.reactivate(Instant.EPOCH)).isInstanceOf(StoreStateException.class);
        store.suspend("fraud review", Instant.EPOCH);
        assertThat(store.isActive()).isFalse();
        assertThatThrownBy(() -> store.suspend("again", Instant.EPOCH)).isInstanceOf(StoreStateException.class);
        store.reactivate(Instant.EPOCH);
        assertThat(store.statusReason()).isNull();
    }

    @Test
    void aRetriedOnboardingMatchesOnNameAndOwnerEmail() {
        Store store = Store.onboard(
                new StoreSlug("shop"),
                new StoreSettings("Shop", StoreSettings.currency("EUR"), List.of("DE"), PriceDisplay.INCLUDING_TAX),
                new StoreOwner("u1", "o@x.test", "O", "W"),
                "org1",
                Instant.EPOCH);
        assertThat(store.matchesOnboarding("Shop ", "O@X.test")).isTrue();
        assertThat(store.matchesOnboarding("Other", "o@x.test")).isFalse();
        assertThat(store.matchesOnboarding("Shop", "someone@x.test")).isFalse();
    }
}
